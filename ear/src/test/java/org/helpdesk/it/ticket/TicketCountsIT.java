package org.helpdesk.it.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.ticket.QueueSearch;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketQueue;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TriageService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's counts per status, kept as change rows and folded by a timer (TicketCounts), against
 * the tickets themselves: exact right after each change and after the fold.
 */
@ExtendWith(ArquillianExtension.class)
class TicketCountsIT {

    private static final long FOLD_WAIT_MILLIS = 30_000;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private TicketQueue queue;

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    @Resource(lookup = "java:jboss/datasources/HelpdeskDS")
    private DataSource database;

    private Map<Status, Long> countsInTheQueue() throws Exception {
        QueueSearch north = new QueueSearch(null, NORTH, null, null, null, null, null, null, false, 1, 10);
        return Callers.as("mark", () -> queue.search(north)).countsByStatus();
    }

    private Map<Status, Long> ticketsAtNorth() throws Exception {
        Map<Status, Long> counted = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counted.put(status, 0L);
        }
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT status, COUNT(*) FROM ticket WHERE location_id = ? GROUP BY status")) {
            count.setLong(1, NORTH);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counted.put(Status.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return counted;
    }

    private boolean folded() throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement buckets = connection.prepareStatement("SELECT COUNT(*) FROM ticket_count_change "
                        + "GROUP BY location_id, status HAVING COUNT(*) > 1");
                ResultSet unfolded = buckets.executeQuery()) {
            return !unfolded.next();
        }
    }

    private void changeStatus(long id, Status status) throws Exception {
        long version = Callers.as("mark", () -> tickets.view(id)).version();
        Callers.run("mark", () -> triage.changeStatus(id, version, status));
    }

    @Test
    void theCountsPerStatusAreTheTicketsPerStatusBeforeAndAfterTheyAreFolded() throws Exception {
        assertEquals(ticketsAtNorth(), countsInTheQueue(), "before the changes");

        long closed = fileTicket("alice", NORTH, uniqueSubject("Counted"));
        long resolved = fileTicket("alice", NORTH, uniqueSubject("Counted"));
        fileTicket("alice", NORTH, uniqueSubject("Counted"));
        changeStatus(closed, Status.IN_PROGRESS);
        changeStatus(closed, Status.CLOSED);
        changeStatus(resolved, Status.RESOLVED);
        assertEquals(ticketsAtNorth(), countsInTheQueue(), "right after the changes, before a fold");

        long deadline = System.currentTimeMillis() + FOLD_WAIT_MILLIS;
        while (!folded() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertTrue(folded(), "the timer folds every location's changes into one row per status");
        assertEquals(ticketsAtNorth(), countsInTheQueue(), "after the fold");
    }
}
