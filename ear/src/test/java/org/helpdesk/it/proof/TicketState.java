package org.helpdesk.it.proof;

import java.util.List;
import javax.naming.InitialContext;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * What a refused write must leave untouched, read straight from the database: the ticket's own
 * columns and the number of its messages, notes and files. Also the counts that creations change.
 */
record TicketState(
        String subject,
        String details,
        String status,
        Long assigneeId,
        Long categoryId,
        long version,
        long messages,
        long notes,
        long files) {

    static TicketState of(long ticketId) throws Exception {
        return inDatabase(em -> {
            List<?> rows = em.createNativeQuery(
                            "SELECT subject, details, status, assignee_id, category_id, version FROM ticket WHERE id = ?1")
                    .setParameter(1, ticketId)
                    .getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] row = (Object[]) rows.get(0);
            return new TicketState(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    longOrNull(row[3]),
                    longOrNull(row[4]),
                    ((Number) row[5]).longValue(),
                    count(
                            em,
                            "SELECT COUNT(*) FROM ticket_message WHERE ticket_id = ?1 AND internal = FALSE",
                            ticketId),
                    count(em, "SELECT COUNT(*) FROM ticket_message WHERE ticket_id = ?1 AND internal = TRUE", ticketId),
                    count(em, "SELECT COUNT(*) FROM attachment WHERE ticket_id = ?1", ticketId));
        });
    }

    /** Tickets the user filed at the location. */
    static long ticketsFiledBy(long userId, long locationId) throws Exception {
        return inDatabase(em -> ((Number)
                        em.createNativeQuery("SELECT COUNT(*) FROM ticket WHERE requester_id = ?1 AND location_id = ?2")
                                .setParameter(1, userId)
                                .setParameter(2, locationId)
                                .getSingleResult())
                .longValue());
    }

    /** A user's groups and locations, as one comparable text. */
    static String accessOf(long userId) throws Exception {
        return inDatabase(em -> em.createNativeQuery(
                                "SELECT group_name FROM user_group WHERE user_id = ?1 ORDER BY group_name")
                        .setParameter(1, userId)
                        .getResultList()
                + " at "
                + em.createNativeQuery("SELECT location_id FROM user_location WHERE user_id = ?1 ORDER BY location_id")
                        .setParameter(1, userId)
                        .getResultList());
    }

    /** The SLA settings as stored: the targets per urgency and each location's working time. */
    static String slaSettings() throws Exception {
        return inDatabase(em -> em
                        .createNativeQuery(
                                "SELECT urgency, first_response_minutes, resolution_minutes FROM sla_target ORDER BY urgency")
                        .getResultList()
                        .stream()
                        .map(row -> java.util.Arrays.toString((Object[]) row))
                        .toList()
                + " "
                + em
                        .createNativeQuery(
                                "SELECT id, time_zone, mon_opens, mon_closes, sat_opens FROM location ORDER BY id")
                        .getResultList()
                        .stream()
                        .map(row -> java.util.Arrays.toString((Object[]) row))
                        .toList()
                + " "
                + em.createNativeQuery("SELECT COUNT(*) FROM location_holiday").getSingleResult());
    }

    /** The SLA settings as V8 makes them for the low urgency and the North Clinic. */
    static void restoreSlaDefaults() throws Exception {
        update("UPDATE sla_target SET first_response_minutes = 960, resolution_minutes = 2400 WHERE urgency = 'LOW'");
        update("UPDATE location SET time_zone = 'UTC' WHERE id = 1");
        update("DELETE FROM location_holiday WHERE location_id = 1");
    }

    private static void update(String sql, Object... values) throws Exception {
        javax.sql.DataSource database = InitialContext.doLookup("java:jboss/datasources/HelpdeskDS");
        try (java.sql.Connection connection = database.getConnection();
                java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    static long categories() throws Exception {
        return inDatabase(em ->
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM category").getSingleResult()).longValue());
    }

    private static long count(EntityManager em, String sql, long ticketId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, ticketId).getSingleResult()).longValue();
    }

    private static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private static <T> T inDatabase(java.util.function.Function<EntityManager, T> query) throws Exception {
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        EntityManager em = factory.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
