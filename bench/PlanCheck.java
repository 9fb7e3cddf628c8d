import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plan of every query on the ticket tables that a server ran during a benchmark, on the
 * benchmark's data, and fails on a sequential scan of ticket, ticket_message or ticket_event (see
 * bench/check-plans.sh and the README, "Performance").
 *
 * <p>The statements come from the server's log, as EclipseLink writes them with
 * -Declipselink.logging.level.sql=FINE -Declipselink.logging.parameters=true: the SQL, then its
 * values ("bind => [...]"). Each distinct statement (up to {@value #SAMPLES_PER_STATEMENT} sets of
 * values each) is prepared and explained with its values, planned for them as the server's
 * connections plan (plan_cache_mode = force_custom_plan, configure-datasource-postgresql.cli).
 *
 * <p>Run with the PostgreSQL driver on the class path: {@code java -cp postgresql.jar
 * bench/PlanCheck.java SERVER_LOG JDBC_URL}. Exit status 0 if no plan scans those tables, 1 if one
 * does, 2 on wrong usage or when there is nothing to check.
 */
public class PlanCheck {

    private static final int SAMPLES_PER_STATEMENT = 5;

    private static final Pattern LOGGED_SQL = Pattern.compile("\\[EL Fine]: sql: .*?--Connection\\(\\d+\\)--(.*)$");
    private static final Pattern LOGGED_BINDS = Pattern.compile("\\tbind => \\[(.*)]$");
    private static final Pattern TICKET_TABLES = Pattern.compile(
            "\\b(FROM|JOIN|,)\\s+(ticket|ticket_message|ticket_event)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEQUENTIAL_SCAN =
            Pattern.compile("Seq Scan on (ticket|ticket_message|ticket_event)\\b");

    public static void main(String[] arguments) throws IOException, SQLException {
        if (arguments.length != 2) {
            System.err.println("usage: java -cp postgresql.jar bench/PlanCheck.java SERVER_LOG JDBC_URL");
            System.exit(2);
        }
        Map<String, List<String>> statements = statementsIn(Path.of(arguments[0]));
        if (statements.isEmpty()) {
            System.err.println("No query on the ticket tables in " + arguments[0]
                    + ": was the server started with -Declipselink.logging.level.sql=FINE"
                    + " -Declipselink.logging.parameters=true, and did the benchmark run?");
            System.exit(2);
        }
        int plans = 0;
        List<String> scans = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(arguments[1]);
                Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_custom_plan");
            for (Map.Entry<String, List<String>> query : statements.entrySet()) {
                for (String binds : query.getValue()) {
                    String plan = planOf(statement, query.getKey(), binds);
                    plans++;
                    if (SEQUENTIAL_SCAN.matcher(plan).find()) {
                        scans.add(query.getKey() + "\n  values: [" + binds + "]\n" + plan);
                    }
                }
            }
        }
        scans.forEach(scan -> System.out.println("SEQUENTIAL SCAN:\n" + scan));
        System.out.printf(
                "plans: %d statements on the ticket tables, %d plans read, %d with a sequential scan of ticket,"
                        + " ticket_message or ticket_event%n",
                statements.size(), plans, scans.size());
        System.exit(scans.isEmpty() ? 0 : 1);
    }

    /** The logged SELECTs on the ticket tables, each with up to a few of its sets of values. */
    private static Map<String, List<String>> statementsIn(Path log) throws IOException {
        Map<String, List<String>> statements = new LinkedHashMap<>();
        String pending = null;
        for (String line : Files.readAllLines(log)) {
            Matcher sql = LOGGED_SQL.matcher(line);
            Matcher binds = LOGGED_BINDS.matcher(line);
            if (sql.find()) {
                pending = sql.group(1).strip();
                if (!pending.toUpperCase().startsWith("SELECT") || pending.contains(" FOR UPDATE")
                        || !TICKET_TABLES.matcher(pending).find()) {
                    pending = null;
                } else if (!pending.contains("?")) {
                    remember(statements, pending, "");
                    pending = null;
                }
            } else if (binds.find() && pending != null) {
                remember(statements, pending, binds.group(1));
                pending = null;
            }
        }
        return statements;
    }

    private static void remember(Map<String, List<String>> statements, String sql, String binds) {
        List<String> samples = statements.computeIfAbsent(sql, key -> new ArrayList<>());
        if (samples.size() < SAMPLES_PER_STATEMENT && !samples.contains(binds)) {
            samples.add(binds);
        }
    }

    /** The plan of a statement for its values: prepared with $1..$n, its values typed by their places. */
    private static String planOf(Statement statement, String sql, String binds) throws SQLException {
        statement.execute("PREPARE checked AS " + numbered(sql));
        try (ResultSet plan = statement.executeQuery(
                "EXPLAIN EXECUTE checked" + (binds.isEmpty() ? "" : "(" + literals(binds) + ")"))) {
            StringBuilder text = new StringBuilder();
            while (plan.next()) {
                text.append("    ").append(plan.getString(1)).append('\n');
            }
            return text.toString();
        } finally {
            statement.execute("DEALLOCATE checked");
        }
    }

    /** The statement with its placeholders numbered ($1, $2, ...), outside quoted literals. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        boolean quoted = false;
        int next = 1;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                numbered.append('$').append(next++);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    /**
     * The logged values as SQL literals of no type yet, which PostgreSQL types by their places in
     * the statement. EclipseLink writes them separated by ", " (the benchmark's values hold none).
     */
    private static String literals(String binds) {
        List<String> literals = new ArrayList<>();
        for (String value : binds.split(", ")) {
            literals.add(value.equals("null") ? "NULL" : "'" + value.replace("'", "''") + "'");
        }
        return String.join(", ", literals);
    }
}
