package org.helpdesk.it.support;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.Urgency;

/** Data the in-container tests make for themselves: each test files its own tickets. */
public final class Fixtures {

    /** The demo locations' ids (db/demo). */
    public static final long NORTH = 1;

    public static final long SOUTH = 2;

    private Fixtures() {}

    /** A unique subject, so that a test finds exactly its own tickets. */
    /** A user name no account has yet. */
    public static String uniqueUsername(String prefix) {
        return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    public static String uniqueSubject(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    /** Files a ticket as the user at the location, with the files; returns its id. */
    public static long fileTicket(String username, long locationId, String subject, IncomingFile... files)
            throws Exception {
        TicketService tickets = CDI.current().select(TicketService.class).get();
        return Callers.as(
                username,
                () -> tickets.submit(
                        new NewTicket(subject, "Details of " + subject, Urgency.MEDIUM, locationId), List.of(files)));
    }

    /** A file of exactly {@code size} bytes, produced while it is read (never held whole in memory). */
    public static IncomingFile fileOfSize(String name, long size) {
        return new IncomingFile(name, "application/octet-stream", () -> new InputStream() {
            private long remaining = size;

            @Override
            public int read() {
                if (remaining <= 0) {
                    return -1;
                }
                remaining--;
                return 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (remaining <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, remaining);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                remaining -= n;
                return n;
            }
        });
    }

    /** A count straight from the database, e.g. {@code count("SELECT COUNT(a) FROM Attachment a")}. */
    public static long count(String jpql) throws Exception {
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        EntityManager em = factory.createEntityManager();
        try {
            return ((Number) em.createQuery(jpql).getSingleResult()).longValue();
        } finally {
            em.close();
        }
    }
}
