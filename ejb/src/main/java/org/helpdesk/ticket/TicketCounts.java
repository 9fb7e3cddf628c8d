package org.helpdesk.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.directory.Location;
import org.helpdesk.security.Permissions;

/**
 * The number of tickets per status at a set of locations, exact and without counting tickets:
 * the sum of the {@link TicketCountChange} rows that filing and moving tickets wrote, which this
 * bean folds every few seconds into one row per location and status, so that a sum reads a
 * handful of rows however many tickets there are.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class TicketCounts {

    /** The most rows one fold takes; the next fold takes the rest. */
    static final int FOLD_BATCH = 20_000;

    @PersistenceContext
    private EntityManager em;

    /** The tickets per status at these locations; every status is present, zero or more. */
    public Map<Status, Long> byStatusAt(Collection<Long> locationIds) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        if (locationIds.isEmpty()) {
            return counts;
        }
        em.createQuery(
                        "SELECT c.status, SUM(c.delta) FROM TicketCountChange c WHERE c.location.id IN :locations "
                                + "GROUP BY c.status",
                        Object[].class)
                .setParameter("locations", locationIds)
                .getResultList()
                .forEach(row -> counts.put((Status) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * The tickets per status at each of these locations (by location id); every status of each
     * location is present, zero or more. The same rows as {@link #byStatusAt}, grouped once more.
     */
    public Map<Long, Map<Status, Long>> byLocationAndStatusAt(Collection<Long> locationIds) {
        Map<Long, Map<Status, Long>> counts = new LinkedHashMap<>();
        for (Long locationId : locationIds) {
            Map<Status, Long> byStatus = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                byStatus.put(status, 0L);
            }
            counts.put(locationId, byStatus);
        }
        if (locationIds.isEmpty()) {
            return counts;
        }
        em.createQuery(
                        "SELECT c.location.id, c.status, SUM(c.delta) FROM TicketCountChange c "
                                + "WHERE c.location.id IN :locations GROUP BY c.location.id, c.status",
                        Object[].class)
                .setParameter("locations", locationIds)
                .getResultList()
                .forEach(row -> counts.get((Long) row[0]).put((Status) row[1], ((Number) row[2]).longValue()));
        return counts;
    }

    /**
     * Folds the changes of each location and status into one row. The rows it folds are locked,
     * removed and replaced by their sum in one transaction, so the sums stay exact whatever runs at
     * the same time: new changes, or the same fold on another cluster node (which waits for the
     * locked rows and then finds them gone).
     */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @PermitAll // the container's timer calls it; no client can
    void fold() {
        List<Long> batch = em.createQuery("SELECT c.id FROM TicketCountChange c ORDER BY c.id", Long.class)
                .setMaxResults(FOLD_BATCH)
                .getResultList();
        if (batch.size() < 2) {
            return;
        }
        // Locked by the range of the batch's ids rather than by a limit: a limit and FOR UPDATE in
        // one statement is not portable (H2 refuses it).
        List<TicketCountChange> changes = em.createQuery(
                        "SELECT c FROM TicketCountChange c WHERE c.id <= :last ORDER BY c.id", TicketCountChange.class)
                .setParameter("last", batch.get(batch.size() - 1))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<List<Object>, List<TicketCountChange>> byBucket = new LinkedHashMap<>();
        for (TicketCountChange change : changes) {
            byBucket.computeIfAbsent(
                            List.of(change.getLocation().getId(), change.getStatus()), bucket -> new ArrayList<>())
                    .add(change);
        }
        for (List<TicketCountChange> bucket : byBucket.values()) {
            if (bucket.size() > 1) {
                Location location = bucket.get(0).getLocation();
                Status status = bucket.get(0).getStatus();
                long sum =
                        bucket.stream().mapToLong(TicketCountChange::getDelta).sum();
                bucket.forEach(em::remove);
                em.persist(new TicketCountChange(null, location, status, sum));
            }
        }
    }
}
