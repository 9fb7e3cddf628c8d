package org.helpdesk.it.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's shared PostgreSQL database (127.0.0.1:5432, user postgres, trust authentication):
 * created empty before the nodes start and dropped after, and read by the tests directly where
 * they compare what the nodes acknowledged with what is stored.
 */
final class ClusterDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    ClusterDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        this.name = name;
    }

    String name() {
        return name;
    }

    String url() {
        return SERVER + name;
    }

    /** Drops a leftover of an earlier run and creates the database empty. */
    void createEmpty() throws SQLException {
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }

    void drop() throws SQLException {
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** How many rows flyway_schema_history holds per migration version (the baseline row left out). */
    Map<String, Integer> appliedMigrations() throws SQLException {
        return countsOf(
                "SELECT version, COUNT(*) FROM flyway_schema_history WHERE type <> 'BASELINE'" + " GROUP BY version");
    }

    /** The same for the demo data's own history. */
    Map<String, Integer> loadedDemoScripts() throws SQLException {
        return countsOf(
                "SELECT version, COUNT(*) FROM flyway_demo_history WHERE type <> 'BASELINE'" + " GROUP BY version");
    }

    /**
     * Where the per-status counts (the sums of ticket_count_change, folded by a timer on every
     * node) disagree with the tickets themselves: "location/status: counted N, tickets M".
     */
    List<String> countMismatches() throws SQLException {
        Map<String, Long> tickets = sums("SELECT location_id || '/' || status, COUNT(*) FROM ticket GROUP BY 1");
        Map<String, Long> counted =
                sums("SELECT location_id || '/' || status, SUM(delta) FROM ticket_count_change GROUP BY 1");
        List<String> mismatches = new ArrayList<>();
        Map<String, Long> all = new HashMap<>(tickets);
        counted.forEach(all::putIfAbsent);
        all.keySet().stream().sorted().forEach(bucket -> {
            long count = counted.getOrDefault(bucket, 0L);
            long real = tickets.getOrDefault(bucket, 0L);
            if (count != real) {
                mismatches.add(bucket + ": counted " + count + ", tickets " + real);
            }
        });
        return mismatches;
    }

    /**
     * Files stored in part: attachments whose chunks do not add up to their size. The foreign keys
     * already keep a message from existing without its ticket, and a file without its ticket.
     */
    long partialFiles() throws SQLException {
        return single("SELECT COUNT(*) FROM attachment a WHERE a.size_bytes <>"
                + " (SELECT COALESCE(SUM(LENGTH(c.data)), 0) FROM attachment_chunk c WHERE c.attachment_id = a.id)");
    }

    long ticketsWithSubjectLike(String pattern) throws SQLException {
        try (Connection connection = connect(name);
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM ticket WHERE subject LIKE ?")) {
            statement.setString(1, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every row of the mail outbox: its id and state (PENDING, SENT or DEAD). */
    Map<Long, String> outboxStates() throws SQLException {
        Map<Long, String> states = new HashMap<>();
        try (Connection connection = connect(name);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, state FROM mail_outbox")) {
            while (rows.next()) {
                states.put(rows.getLong(1), rows.getString(2));
            }
        }
        return states;
    }

    /** Per ticket, the reply token of the mail that told {@code recipient} the ticket was filed. */
    Map<Long, String> replyTokensOf(String recipient, List<Long> tickets) throws SQLException {
        Map<Long, String> tokens = new HashMap<>();
        try (Connection connection = connect(name);
                var statement = connection.prepareStatement("SELECT ticket_id, reply_token FROM mail_outbox"
                        + " WHERE recipient = ? AND kind = 'TICKET_FILED' AND ticket_id = ANY (?)")) {
            statement.setString(1, recipient);
            statement.setArray(2, connection.createArrayOf("bigint", tickets.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tokens.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return tokens;
    }

    /** Per ticket, how many messages of the thread contain {@code text}. */
    Map<Long, Long> messagesContaining(String text) throws SQLException {
        Map<Long, Long> counts = new HashMap<>();
        try (Connection connection = connect(name);
                var statement = connection.prepareStatement(
                        "SELECT ticket_id, COUNT(*) FROM ticket_message WHERE body LIKE ? GROUP BY ticket_id")) {
            statement.setString(1, "%" + text + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** How many fetched messages were recorded with each outcome (POSTED, REFUSED, …), of these Message-IDs. */
    Map<String, Long> inboundOutcomes(List<String> messageIds) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = connect(name);
                var statement = connection.prepareStatement(
                        "SELECT outcome, COUNT(*) FROM mail_inbound WHERE message_id = ANY (?) GROUP BY outcome")) {
            statement.setArray(1, connection.createArrayOf("varchar", messageIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Ends every connection the nodes hold to the database, as a database restart would; returns how many. */
    int terminateConnections() throws SQLException {
        try (Connection connection = connect(name);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = '" + name + "' AND pid <> pg_backend_pid()")) {
            int terminated = 0;
            while (rows.next()) {
                terminated += rows.getBoolean(1) ? 1 : 0;
            }
            return terminated;
        }
    }

    /** The number the query answers, e.g. a {@code COUNT(*)}. */
    long single(String query) throws SQLException {
        try (Connection connection = connect(name);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Map<String, Integer> countsOf(String query) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        sums(query).forEach((key, value) -> counts.put(key, value.intValue()));
        return counts;
    }

    private Map<String, Long> sums(String query) throws SQLException {
        Map<String, Long> sums = new HashMap<>();
        try (Connection connection = connect(name);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                sums.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sums;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, USER, "");
    }
}
