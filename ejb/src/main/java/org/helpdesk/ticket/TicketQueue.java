package org.helpdesk.ticket;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import org.helpdesk.common.Limits;
import org.helpdesk.common.ListTooSlowException;
import org.helpdesk.common.Page;
import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;

/**
 * The staff queue: the tickets at the caller's locations (their scope), filtered, sorted, counted
 * and paged in the database, at the same cost on a million tickets as on a thousand:
 *
 * <ul>
 *   <li>the page is first read as ids only, on an index of its order (V3__queue_at_scale.sql), so
 *       that even page 2,000 is a walk over an index and not over the tickets; then the rows of
 *       those ids, joined to their people and category;
 *   <li>the counts per status of a scope (and of one location of it) are exact and read from
 *       {@link TicketCounts}, without counting tickets; with any other filter each count stops at
 *       {@link Limits#COUNT_CAP} and the page says "more than";
 *   <li>every query runs under the time limit for lists ({@link Limits#listQueryTimeoutMillis()}):
 *       the database cancels a query that would take longer, and the caller is told to narrow the
 *       filter ({@link ListTooSlowException}).
 * </ul>
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class TicketQueue {

    private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    /** The SQLSTATE of a statement the database cancelled (PostgreSQL's query_canceled; H2's too). */
    private static final String CANCELLED = "57014";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TicketCounts counts;

    /** The page of the queue and the counts per status for the same filters but any status. */
    public QueuePage search(QueueSearch search) {
        User caller = currentUser.get();
        Set<Long> scope = scopeOf(caller, search.locationId());
        if (scope.isEmpty()) {
            return new QueuePage(
                    new Page<>(List.of(), 0, search.page(), search.size()), counts.byStatusAt(scope), true);
        }
        return withinTimeLimit(() -> {
            List<Long> ids = pageOfIds(search, scope, caller.getId());
            boolean more = ids.size() > search.size();
            List<Long> shown = more ? ids.subList(0, search.size()) : ids;
            List<QueueRow> rows = rowsOf(shown, search);
            if (search.isCountedByLocationAndStatus()) {
                Map<Status, Long> byStatus = counts.byStatusAt(scope);
                long total = search.status() == null ? sum(byStatus) : byStatus.get(search.status());
                return new QueuePage(new Page<>(rows, total, search.page(), search.size()), byStatus, true);
            }
            Map<Status, Long> byStatus = cappedCountsByStatus(search.withStatus(null), scope, caller.getId());
            boolean countsExact = sum(byStatus) <= Limits.COUNT_CAP;
            long total;
            if (search.status() == null || countsExact) {
                total = search.status() == null ? sum(byStatus) : byStatus.get(search.status());
            } else {
                total = sum(cappedCountsByStatus(search, scope, caller.getId()));
            }
            boolean totalExact = total <= Limits.COUNT_CAP;
            if (!totalExact) {
                long seen = (long) (search.page() - 1) * search.size() + shown.size() + (more ? 1 : 0);
                total = Math.max(total, seen);
            }
            return new QueuePage(
                    new Page<>(rows, total, search.page(), search.size(), totalExact), byStatus, countsExact);
        });
    }

    /**
     * The tickets the filter matches under the caller's scope, in the queue's order, at most
     * {@code max}, each with the version it has now: what "all matching this filter" means for a
     * bulk change. The page and the page size of the search play no part.
     */
    public List<SelectedTicket> matching(QueueSearch search, int max) {
        User caller = currentUser.get();
        Set<Long> scope = scopeOf(caller, search.locationId());
        if (scope.isEmpty()) {
            return List.of();
        }
        return withinTimeLimit(() -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            TypedQuery<Object[]> matches = em.createQuery(
                    "SELECT t.id, t.version FROM Ticket t" + where(search, scope, caller.getId(), parameters)
                            + orderBy(search),
                    Object[].class);
            parameters.forEach(matches::setParameter);
            return limited(matches).setMaxResults(max).getResultList().stream()
                    .map(match -> new SelectedTicket((Long) match[0], ((Number) match[1]).longValue()))
                    .toList();
        });
    }

    /**
     * One chunk of the export of a filter: the rows after {@code after} (none: from the newest),
     * newest first, at most {@link Limits#EXPORT_CHUNK}. An export reads chunk after chunk, each a
     * short query on the index of the creation order that starts where the last one ended
     * (keyset), so that its memory and each query's cost stay the same at any depth.
     */
    public List<QueueRow> exportChunk(QueueSearch search, ExportPosition after) {
        User caller = currentUser.get();
        Set<Long> scope = scopeOf(caller, search.locationId());
        if (scope.isEmpty()) {
            return List.of();
        }
        QueueSearch newestFirst = search.inCreationOrder();
        return withinTimeLimit(() -> {
            Map<String, Object> parameters = new LinkedHashMap<>();
            StringBuilder where = new StringBuilder(where(newestFirst, scope, caller.getId(), parameters));
            if (after != null) {
                // The first condition alone is a range of the index; the second skips the rows of
                // the same instant already written.
                where.append(" AND t.createdAt <= :afterCreated AND (t.createdAt < :afterCreated OR t.id < :afterId)");
                parameters.put("afterCreated", after.createdAt());
                parameters.put("afterId", after.id());
            }
            TypedQuery<QueueRow> rows = em.createQuery(
                    "SELECT NEW org.helpdesk.ticket.QueueRow(t.id, t.subject, t.status, t.urgency, l.name, "
                            + "r.displayName, a.displayName, c.name, t.createdAt, t.updatedAt, t.slaDueAt, t.version) "
                            + "FROM Ticket t JOIN t.location l JOIN t.requester r "
                            + "LEFT JOIN t.assignee a LEFT JOIN t.category c"
                            + where
                            + orderBy(newestFirst),
                    QueueRow.class);
            parameters.forEach(rows::setParameter);
            return limited(rows).setMaxResults(Limits.EXPORT_CHUNK).getResultList();
        });
    }

    private static long sum(Map<Status, Long> byStatus) {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The caller's locations, or the one of them the filter names (none if it is not theirs). */
    private static Set<Long> scopeOf(User caller, Long locationFilter) {
        Set<Long> scope = new TreeSet<>();
        for (Location location : caller.getLocations()) {
            if (locationFilter == null || locationFilter.equals(location.getId())) {
                scope.add(location.getId());
            }
        }
        return scope;
    }

    /** The ids of the page in order, and one more if there is a next page. */
    private List<Long> pageOfIds(QueueSearch search, Set<Long> scope, long callerId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(search, scope, callerId, parameters);
        TypedQuery<Long> ids = em.createQuery("SELECT t.id FROM Ticket t" + where + orderBy(search), Long.class);
        parameters.forEach(ids::setParameter);
        return limited(ids)
                .setFirstResult(search.asTextSearch().firstResult())
                .setMaxResults(search.size() + 1)
                .getResultList();
    }

    private List<QueueRow> rowsOf(List<Long> ids, QueueSearch search) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return limited(em.createQuery(
                                "SELECT NEW org.helpdesk.ticket.QueueRow(t.id, t.subject, t.status, t.urgency, l.name, "
                                        + "r.displayName, a.displayName, c.name, t.createdAt, t.updatedAt, t.slaDueAt, t.version) "
                                        + "FROM Ticket t JOIN t.location l JOIN t.requester r "
                                        + "LEFT JOIN t.assignee a LEFT JOIN t.category c "
                                        + "WHERE t.id IN :ids" + orderBy(search),
                                QueueRow.class)
                        .setParameter("ids", ids))
                .getResultList();
    }

    /**
     * The matches of the filters per status, read up to one more than the cap in one bounded
     * query: exact if they add up to no more than the cap, else lower bounds. Read in the page's
     * order, so that the database walks the index of the page's ids and stops at the cap, never
     * the whole table.
     */
    private Map<Status, Long> cappedCountsByStatus(QueueSearch search, Set<Long> scope, long callerId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Status> matches = em.createQuery(
                "SELECT t.status FROM Ticket t" + where(search, scope, callerId, parameters) + orderBy(search),
                Status.class);
        parameters.forEach(matches::setParameter);
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            byStatus.put(status, 0L);
        }
        limited(matches)
                .setMaxResults(Limits.COUNT_CAP + 1)
                .getResultList()
                .forEach(status -> byStatus.merge(status, 1L, Long::sum));
        return byStatus;
    }

    /**
     * The conditions on ticket {@code t}: the scope, then each filter. Only columns of the ticket
     * itself, so that the index of the order can answer the page of ids alone.
     */
    private String where(QueueSearch search, Set<Long> scope, long callerId, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE t.location.id IN :scope");
        parameters.put("scope", List.copyOf(scope));
        if (search.status() != null) {
            where.append(" AND t.status = :status");
            parameters.put("status", search.status());
        }
        if (QueueSearch.UNASSIGNED.equals(search.assignee())) {
            where.append(" AND t.assignee IS NULL");
        } else if (QueueSearch.MINE.equals(search.assignee())) {
            where.append(" AND t.assignee.id = :callerId");
            parameters.put("callerId", callerId);
        } else if (search.assignee() != null) {
            where.append(" AND t.assignee.id = :assigneeId");
            parameters.put("assigneeId", Long.valueOf(search.assignee()));
        }
        if (search.categoryId() != null) {
            where.append(" AND t.category.id = :categoryId");
            parameters.put("categoryId", search.categoryId());
        }
        if (search.urgency() != null) {
            where.append(" AND t.urgency = :urgency");
            parameters.put("urgency", search.urgency());
        }
        if (search.requesterId() != null) {
            where.append(" AND t.requester.id = :requesterId");
            parameters.put("requesterId", search.requesterId());
        }
        if (search.due() != null) {
            Instant now = TicketService.now();
            where.append(" AND t.slaDueAt IS NOT NULL");
            switch (search.due()) {
                case BREACHED -> where.append(" AND t.slaDueAt < :now");
                case WITHIN_HOUR -> {
                    where.append(" AND t.slaDueAt >= :now AND t.slaDueAt < :inAnHour");
                    parameters.put("inAnHour", now.plus(Duration.ofHours(1)));
                }
            }
            parameters.put("now", now);
        }
        if (search.text() != null) {
            where.append(" AND ").append(TextSearch.condition(em, search.text(), true, parameters));
        }
        return where.toString();
    }

    /** The order, then creation and id in the same direction: one index read forwards or backwards. */
    private static String orderBy(QueueSearch search) {
        String direction = search.ascending() ? " ASC" : " DESC";
        String created = "t.createdAt" + direction + ", t.id" + direction;
        return " ORDER BY "
                + switch (search.sort()) {
                    case CREATED -> created;
                    case UPDATED -> "t.updatedAt" + direction + ", t.id" + direction;
                    case URGENCY -> "t.urgencyRank" + direction + ", " + created;
                    case STATUS -> "t.statusRank" + direction + ", " + created;
                    // PostgreSQL's own order of NULLs in each direction, which its index reads;
                    // said explicitly because H2's is the reverse.
                    case DUE ->
                        "t.slaDueAt" + direction + (search.ascending() ? " NULLS LAST" : " NULLS FIRST") + ", t.id"
                                + direction;
                };
    }

    private static <T> TypedQuery<T> limited(TypedQuery<T> query) {
        return query.setHint(TIMEOUT_HINT, Limits.listQueryTimeoutMillis());
    }

    /** Runs the reads of a list; a query the database cancelled for its time becomes the caller's message. */
    private static <T> T withinTimeLimit(Supplier<T> reads) {
        try {
            return reads.get();
        } catch (PersistenceException failure) {
            if (wasCancelled(failure)) {
                throw new ListTooSlowException();
            }
            throw failure;
        }
    }

    private static boolean wasCancelled(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof SQLException sql && CANCELLED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
