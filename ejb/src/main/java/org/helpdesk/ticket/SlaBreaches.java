package org.helpdesk.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.security.Permissions;
import org.helpdesk.sla.SlaClock;

/**
 * Records in a ticket's history when one of its SLA clocks passes its due time (an {@link
 * EventType#SLA_BREACHED} event, once per clock). A timer on every node looks every 30 seconds for
 * tickets whose {@code sla_watch_at} has passed (an index answers it). Each breach is claimed by
 * a conditional UPDATE of its marker (from not recorded to recorded, while the clock still runs
 * past its due time): the row lock makes a second node's UPDATE wait and then match nothing, so a
 * breach is recorded once in the cluster, and a clock stopped meanwhile records none. The claim
 * touches neither the ticket's version nor its update time: a staff member's open page stays valid.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class SlaBreaches {

    /** The most tickets one run looks at; the next run takes the rest. */
    static final int BATCH = 200;

    @PersistenceContext
    private EntityManager em;

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false, info = "helpdesk SLA breaches")
    @PermitAll // the container's timer calls it; no client can
    void onSchedule() {
        recordDueBreaches(TicketService.now());
    }

    /**
     * Records the breaches due by now, as the timer does (staff may ask for it at once); returns
     * how many this call recorded.
     */
    public int recordDueBreaches() {
        return recordDueBreaches(TicketService.now());
    }

    private int recordDueBreaches(Instant now) {
        List<?> watched = em.createNativeQuery(
                        "SELECT id FROM ticket WHERE sla_watch_at <= ? ORDER BY sla_watch_at, id")
                .setParameter(1, utc(now))
                .setMaxResults(BATCH)
                .getResultList();
        int recorded = 0;
        for (Object id : watched) {
            recorded += recordBreaches(((Number) id).longValue(), now);
        }
        return recorded;
    }

    private int recordBreaches(long id, Instant now) {
        int recorded = 0;
        if (claim(id, now, "first_response_breached", "first_response_due_at", "first_response_stopped_at IS NULL")) {
            record(id, Ticket.FIRST_RESPONSE, "t.firstResponseDueAt");
            recorded++;
        }
        if (claim(
                id,
                now,
                "resolution_breached",
                "resolution_due_at",
                "resolution_paused_at IS NULL AND resolution_stopped_at IS NULL")) {
            record(id, Ticket.RESOLUTION, "t.resolutionDueAt");
            recorded++;
        }
        watchNext(id);
        return recorded;
    }

    /**
     * Marks one clock's breach as recorded if it still runs past its due time and is not yet
     * marked. Native SQL: a JPQL bulk update would raise the ticket's version.
     */
    private boolean claim(long id, Instant now, String marker, String due, String running) {
        return em.createNativeQuery("UPDATE ticket SET " + marker + " = TRUE WHERE id = ? AND " + marker
                                + " = FALSE AND " + due + " <= ? AND " + running)
                        .setParameter(1, id)
                        .setParameter(2, utc(now))
                        .executeUpdate()
                == 1;
    }

    /** The event, at the moment the clock passed its due time. */
    private void record(long id, String clock, String due) {
        Instant dueAt = em.createQuery("SELECT " + due + " FROM Ticket t WHERE t.id = :id", Instant.class)
                .setParameter("id", id)
                .getSingleResult();
        em.persist(new TicketEvent(
                em.getReference(Ticket.class, id), null, EventType.SLA_BREACHED, null, clock, true, dueAt));
    }

    /** Moves the ticket's watch to its next unrecorded due time, read from the row as it is now. */
    private void watchNext(long id) {
        Object[] row = em.createQuery(
                        "SELECT t.firstResponseDueAt, t.firstResponseStoppedAt, t.firstResponseBreached, "
                                + "t.resolutionDueAt, t.resolutionPausedAt, t.resolutionStoppedAt, "
                                + "t.resolutionBreached FROM Ticket t WHERE t.id = :id",
                        Object[].class)
                .setParameter("id", id)
                .getSingleResult();
        Optional<SlaClock> firstResponse =
                Optional.ofNullable((Instant) row[0]).map(due -> new SlaClock(due, null, (Instant) row[1]));
        Optional<SlaClock> resolution =
                Optional.ofNullable((Instant) row[3]).map(due -> new SlaClock(due, (Instant) row[4], (Instant) row[5]));
        Instant watch = Ticket.watchAt(firstResponse, (Boolean) row[2], resolution, (Boolean) row[6]);
        if (watch == null) {
            em.createNativeQuery("UPDATE ticket SET sla_watch_at = NULL WHERE id = ?")
                    .setParameter(1, id)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE ticket SET sla_watch_at = ? WHERE id = ?")
                    .setParameter(1, utc(watch))
                    .setParameter(2, id)
                    .executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
