package org.helpdesk.ticket;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.helpdesk.common.Page;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;

/**
 * The staff queue: every ticket in the caller's scope, filtered, sorted, counted and paged in the
 * database, on the index (location, status, created). A page costs three queries whatever its size.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class TicketQueue {

    private static final String URGENCY_RANK = "CASE t.urgency WHEN org.helpdesk.ticket.Urgency.CRITICAL THEN 3 "
            + "WHEN org.helpdesk.ticket.Urgency.HIGH THEN 2 WHEN org.helpdesk.ticket.Urgency.MEDIUM THEN 1 ELSE 0 END";
    private static final String STATUS_RANK = "CASE t.status WHEN org.helpdesk.ticket.Status.OPEN THEN 0 "
            + "WHEN org.helpdesk.ticket.Status.IN_PROGRESS THEN 1 WHEN org.helpdesk.ticket.Status.RESOLVED THEN 2 ELSE 3 END";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    /** The page of the queue and the counts per status for the same filters. */
    public QueuePage search(QueueSearch search) {
        long callerId = currentUser.get().getId();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(search, callerId, parameters);
        TypedQuery<QueueRow> rows = em.createQuery(
                "SELECT NEW org.helpdesk.ticket.QueueRow(t.id, t.subject, t.status, "
                        + "t.urgency, l.name, r.displayName, a.displayName, c.name, t.createdAt, t.updatedAt) "
                        + "FROM Ticket t JOIN t.location l JOIN t.requester r LEFT JOIN t.assignee a LEFT JOIN t.category c"
                        + where + orderBy(search),
                QueueRow.class);
        TypedQuery<Long> count =
                em.createQuery("SELECT COUNT(t) FROM Ticket t LEFT JOIN t.assignee a" + where, Long.class);
        parameters.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<QueueRow> items = rows.setFirstResult(search.asTextSearch().firstResult())
                .setMaxResults(search.size())
                .getResultList();
        Page<QueueRow> page = new Page<>(items, count.getSingleResult(), search.page(), search.size());
        return new QueuePage(page, countsByStatus(search.anyStatus(), callerId));
    }

    private Map<Status, Long> countsByStatus(QueueSearch search, long callerId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Object[]> query = em.createQuery(
                "SELECT t.status, COUNT(t) FROM Ticket t LEFT JOIN t.assignee a"
                        + where(search, callerId, parameters)
                        + " GROUP BY t.status",
                Object[].class);
        parameters.forEach(query::setParameter);
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((Status) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The conditions on ticket {@code t}, with its assignee left-joined as {@code a}. */
    private static String where(QueueSearch search, long callerId, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE ").append(TicketAccess.IN_SCOPE);
        parameters.put("callerId", callerId);
        if (search.status() != null) {
            where.append(" AND t.status = :status");
            parameters.put("status", search.status());
        }
        if (search.locationId() != null) {
            where.append(" AND t.location.id = :locationId");
            parameters.put("locationId", search.locationId());
        }
        if (QueueSearch.UNASSIGNED.equals(search.assignee())) {
            where.append(" AND a IS NULL");
        } else if (QueueSearch.MINE.equals(search.assignee())) {
            where.append(" AND a.id = :callerId");
        } else if (search.assignee() != null) {
            where.append(" AND a.id = :assigneeId");
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
        if (search.text() != null) {
            where.append(" AND (LOWER(t.subject) LIKE :text ESCAPE '\\' OR LOWER(t.details) LIKE :text ESCAPE '\\')");
            parameters.put("text", search.asTextSearch().likePattern());
        }
        return where.toString();
    }

    private static String orderBy(QueueSearch search) {
        String direction = search.ascending() ? " ASC" : " DESC";
        String first = switch (search.sort()) {
            case CREATED -> "t.createdAt";
            case UPDATED -> "t.updatedAt";
            case URGENCY -> URGENCY_RANK;
            case STATUS -> STATUS_RANK;
        };
        return " ORDER BY " + first + direction + ", t.createdAt DESC, t.id DESC";
    }
}
