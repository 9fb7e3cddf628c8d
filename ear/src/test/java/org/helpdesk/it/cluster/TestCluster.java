package org.helpdesk.it.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.helpdesk.it.durability.ServerProcess;
import org.helpdesk.it.support.HelpdeskClient;

/**
 * A Helpdesk cluster on 127.0.0.1 as an operator runs one, every part a real process started with
 * {@code bin/standalone.sh}: WildFly's load balancer ({@code standalone-helpdesk-load-balancer.xml})
 * and two nodes, node1 and node2 ({@code standalone-helpdesk-ha.xml}), each with a server base folder
 * of its own under {@code ear/target/cluster}, JGroups over TCP with the member list given by
 * {@code helpdesk.cluster.members}, registering with the balancer by mod_cluster, sharing one fresh
 * PostgreSQL database with the demo users, each node's mail session pointed at an SMTP server of
 * its own and at the helpdesk's IMAP mailbox ({@link ClusterMail}), sending and fetching off until a
 * test turns them on.
 *
 * <p>Ports: balancer offset 1500 (HTTP 9580, mod_cluster 9590), node1 offset 1600 (HTTP 9680,
 * management 11590, JGroups 9200), node2 offset 1700 (HTTP 9780, management 11690, JGroups 9300).
 *
 * <p>Every process it started, also a node restarted after a kill, is stopped by {@link #close()}
 * (and by a shutdown hook of its own should the test JVM end first); then the database is dropped.
 */
final class TestCluster implements AutoCloseable {

    static final String BALANCER = "balancer";
    static final String NODE1 = "node1";
    static final String NODE2 = "node2";

    private static final int BALANCER_OFFSET = 1500;
    private static final Map<String, Integer> NODE_OFFSETS = Map.of(NODE1, 1600, NODE2, 1700);
    private static final Duration BALANCER_TIMEOUT = Duration.ofSeconds(120);
    private static final int SETTLED_ANSWERS = 20;
    /** Small batches, so that the two nodes' senders take turns on a backlog rather than one takes all. */
    private static final int MAIL_BATCH_SIZE = 10;

    private final Path jbossHome;
    private final Path workDir;
    private final Path ear;
    private final ClusterDatabase database;
    private final ClusterMail mail = new ClusterMail();
    private final Map<String, ServerProcess.Setup> setups = new ConcurrentHashMap<>();
    private final Map<String, ServerProcess> running = new ConcurrentHashMap<>();
    private final List<ServerProcess> started = new CopyOnWriteArrayList<>();
    private int starts;

    TestCluster(Path jbossHome, Path workDir, Path ear, ClusterDatabase database) {
        this.jbossHome = jbossHome;
        this.workDir = workDir;
        this.ear = ear;
        this.database = database;
    }

    static String httpUrl(int portOffset) {
        return "http://127.0.0.1:" + (8080 + portOffset);
    }

    String balancerUrl() {
        return httpUrl(BALANCER_OFFSET);
    }

    String nodeUrl(String node) {
        return httpUrl(NODE_OFFSETS.get(node));
    }

    static String other(String node) {
        return node.equals(NODE1) ? NODE2 : NODE1;
    }

    ClusterDatabase database() {
        return database;
    }

    ClusterMail mail() {
        return mail;
    }

    /**
     * Turns both nodes' mail senders on or off at the same moment ({@code helpdesk.mail.enabled}, a
     * system property that the sender reads at each tick), with the management CLI as an operator
     * would, one CLI process per node started together.
     */
    void sendMail(boolean on) throws Exception {
        switchOnBothNodes("helpdesk.mail.enabled", on);
    }

    /** The same for the nodes' reply fetchers ({@code helpdesk.mail.imap.enabled}). */
    void fetchMail(boolean on) throws Exception {
        switchOnBothNodes("helpdesk.mail.imap.enabled", on);
    }

    private void switchOnBothNodes(String property, boolean on) throws Exception {
        List<CompletableFuture<Void>> changes = new ArrayList<>();
        for (String node : List.of(NODE1, NODE2)) {
            changes.add(CompletableFuture.runAsync(() -> {
                try {
                    switchOn(node, property, on);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(changes.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void switchOn(String node, String property, boolean on) throws Exception {
        String controller = "127.0.0.1:" + (9990 + NODE_OFFSETS.get(node));
        String resource = "--command=/system-property=" + property;
        boolean present = JbossCli.attempt(jbossHome, controller, resource + ":read-resource")
                .isPresent();
        if (on && !present) {
            JbossCli.run(jbossHome, controller, resource + ":add(value=true)");
        } else if (!on && present) {
            JbossCli.run(jbossHome, controller, resource + ":remove");
        }
    }

    Path serverLog(String node) {
        return workDir.resolve(node).resolve("log/server.log");
    }

    /** The JGroups member list of the nodes: 7600 plus each node's offset. */
    static String members() {
        return String.join(
                ",",
                NODE_OFFSETS.values().stream()
                        .sorted()
                        .map(offset -> "127.0.0.1[" + (7600 + offset) + "]")
                        .toList());
    }

    /** The system properties an operator gives a node of this cluster. */
    List<String> nodeProperties(String node) {
        return List.of(
                "-Djboss.node.name=" + node,
                "-Djboss.bind.address.private=127.0.0.1",
                "-Dhelpdesk.cluster.members=" + members(),
                "-Dhelpdesk.balancer.host=127.0.0.1",
                "-Dhelpdesk.balancer.port=" + (8090 + BALANCER_OFFSET),
                "-Dhelpdesk.db.url=" + database.url(),
                "-Dhelpdesk.db.user=postgres",
                "-Dhelpdesk.db.password=trust-auth-needs-none",
                "-Dhelpdesk.demo-data=true",
                "-Dhelpdesk.base.url=" + balancerUrl(),
                "-Dhelpdesk.mail.base-url=" + balancerUrl(),
                "-Dhelpdesk.mail.from=" + ClusterMail.HELPDESK,
                "-Dhelpdesk.mail.smtp.host=127.0.0.1",
                "-Dhelpdesk.mail.smtp.port=" + ClusterMail.port(node),
                "-Dhelpdesk.mail.batch-size=" + MAIL_BATCH_SIZE,
                "-Dhelpdesk.mail.imap.host=127.0.0.1",
                "-Dhelpdesk.mail.imap.port=" + ClusterMail.IMAP_PORT,
                "-Dhelpdesk.mail.imap.username=" + ClusterMail.HELPDESK,
                "-Dhelpdesk.mail.imap.password=" + ClusterMail.HELPDESK_PASSWORD);
    }

    /**
     * An empty database, then the balancer and both nodes at once (so that both deploy the EAR and
     * run its migrations at the same time); returns once both nodes and the balancer serve.
     */
    void start() throws Exception {
        database.createEmpty();
        mail.start();
        ServerProcess.Setup balancer = new ServerProcess.Setup(
                jbossHome,
                workDir.resolve(BALANCER),
                "standalone-helpdesk-load-balancer.xml",
                List.of("-Djboss.node.name=" + BALANCER, "-Djboss.bind.address.private=127.0.0.1"),
                BALANCER_OFFSET,
                balancerUrl());
        balancer.prepareWithoutDeployment();
        setups.put(BALANCER, balancer);
        for (String node : List.of(NODE1, NODE2)) {
            ServerProcess.Setup setup = new ServerProcess.Setup(
                    jbossHome,
                    workDir.resolve(node),
                    "standalone-helpdesk-ha.xml",
                    nodeProperties(node),
                    NODE_OFFSETS.get(node),
                    nodeUrl(node));
            setup.prepare(ear);
            setups.put(node, setup);
        }
        launch(BALANCER);
        launch(NODE1);
        launch(NODE2);
        running.get(NODE1).awaitReady();
        running.get(NODE2).awaitReady();
        awaitBalancerServes();
    }

    private synchronized ServerProcess launch(String name) throws IOException {
        ServerProcess process = ServerProcess.start(setups.get(name), name + "-" + (++starts));
        started.add(process);
        running.put(name, process);
        return process;
    }

    boolean isRunning(String node) {
        return running.containsKey(node);
    }

    /** SIGKILL to the node's JVM, as a crash or {@code kill -9} would end it. */
    void kill(String node) throws InterruptedException, TimeoutException {
        ServerProcess process = running.remove(node);
        if (process == null) {
            throw new IllegalStateException(node + " does not run");
        }
        process.killHard();
    }

    /** Starts a killed node again on its base folder, without waiting for it. */
    ServerProcess restart(String node) throws IOException {
        if (running.containsKey(node)) {
            throw new IllegalStateException(node + " runs already");
        }
        return launch(node);
    }

    /** Waits until both nodes serve, starting one that a test killed, and the balancer with them. */
    void awaitBothNodes() throws Exception {
        for (String node : List.of(NODE1, NODE2)) {
            if (!running.containsKey(node)) {
                restart(node);
            }
        }
        for (String node : List.of(NODE1, NODE2)) {
            running.get(node).awaitReady();
        }
        awaitBalancerServes();
    }

    /**
     * Until the balancer serves from both nodes: new sessions (its sign-in page, or a sign-in) have been
     * routed to node1 and to node2 (the route in their JSESSIONID), and then {@value #SETTLED_ANSWERS} requests
     * in a row answered below 400. Right after a node (re)started, mod_cluster may still
     * be enabling its context; a test that began then would count the balancer's refusals as the
     * application's failures.
     */
    void awaitBalancerServes() throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + BALANCER_TIMEOUT.toNanos();
        Set<String> routes = new HashSet<>();
        int settled = 0;
        while (System.nanoTime() < deadline) {
            HelpdeskClient visitor = HelpdeskClient.anonymous().at(balancerUrl());
            try {
                HttpResponse<String> login = visitor.get("/login");
                if (login.statusCode() == 200 && visitor.sessionId().isEmpty()) {
                    login = visitor.signIn("alice", "demo");
                }
                if (login.statusCode() < 400) {
                    visitor.sessionId().map(TestCluster::route).ifPresent(routes::add);
                    settled = routes.containsAll(List.of(NODE1, NODE2)) ? settled + 1 : 0;
                    if (settled >= SETTLED_ANSWERS) {
                        return;
                    }
                    continue;
                }
            } catch (IOException notYetListening) {
                // The balancer is still starting.
            }
            settled = 0;
            Thread.sleep(250);
        }
        throw new TimeoutException("The balancer did not serve from both nodes within " + BALANCER_TIMEOUT
                + " (routes seen: " + routes + "):\n" + running.get(BALANCER).consoleTail());
    }

    /** The node named in a session id: JSESSIONID is {@code <id>.<node>}. */
    static String route(String sessionId) {
        return sessionId.substring(sessionId.lastIndexOf('.') + 1);
    }

    /** Stops every process started, the nodes first, all at once; then drops the database. */
    @Override
    public void close() throws Exception {
        List<Thread> stopping = new ArrayList<>();
        List<ServerProcess> nodesFirst = new ArrayList<>(started);
        nodesFirst.remove(running.get(BALANCER));
        for (ServerProcess process : nodesFirst) {
            Thread thread = new Thread(() -> {
                try {
                    process.close();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join();
        }
        ServerProcess balancer = running.get(BALANCER);
        if (balancer != null) {
            balancer.close();
        }
        mail.close();
        database.drop();
    }
}
