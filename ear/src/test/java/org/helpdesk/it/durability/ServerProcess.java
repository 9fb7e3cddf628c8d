package org.helpdesk.it.durability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.helpdesk.it.support.HelpdeskClient;

/**
 * The provisioned WildFly (wildfly-config/target) run as a real operating-system process, as an
 * operator runs it: {@code bin/standalone.sh} with a server base folder of its own (a copy of the
 * provisioned configuration, its data, log and tmp folders, and the built EAR in its
 * {@code deployments} folder, which the deployment scanner deploys at every start), bound to
 * 127.0.0.1 at its own port offset.
 *
 * <p>The script is only a wrapper: {@link #killHard()} kills the server's own JVM, its java child,
 * with SIGKILL, as a crash or {@code kill -9} would. Whatever happens to the test, the JVM and its
 * wrapper are ended by {@link #close()} or, if the test JVM itself is stopped, by a shutdown hook.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    /** What every start of the same server shares: where it lives and how it is started. */
    public record Setup(
            Path jbossHome,
            Path baseDir,
            String serverConfig,
            List<String> properties,
            int portOffset,
            String baseUrl) {

        /**
         * A fresh base folder: the provisioned server's configuration and the EAR to deploy. The
         * data folder stays until the next fresh setup, so a restart finds what was written.
         */
        public void prepare(Path ear) throws IOException {
            prepareWithoutDeployment();
            Files.copy(ear, baseDir.resolve("deployments").resolve(ear.getFileName()));
        }

        /** A fresh base folder with the provisioned configuration and nothing to deploy. */
        public void prepareWithoutDeployment() throws IOException {
            deleteRecursively(baseDir);
            copyRecursively(jbossHome.resolve("standalone/configuration"), baseDir.resolve("configuration"));
            Files.createDirectories(baseDir.resolve("deployments"));
        }
    }

    private final Setup setup;
    private final Process wrapper;
    private final Path console;
    private final Thread shutdownHook;

    private ServerProcess(Setup setup, Process wrapper, Path console) {
        this.setup = setup;
        this.wrapper = wrapper;
        this.console = console;
        this.shutdownHook = new Thread(this::destroyForcibly, "stop WildFly " + wrapper.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the server; {@code name} tells this start's console log apart from the others. */
    public static ServerProcess start(Setup setup, String name) throws IOException {
        return start(setup, name, Map.of());
    }

    /** The same, with these variables added to the server's environment. */
    public static ServerProcess start(Setup setup, String name, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                setup.jbossHome().resolve("bin/standalone.sh").toString(),
                "-c",
                setup.serverConfig(),
                "-Djboss.server.base.dir=" + setup.baseDir(),
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + setup.portOffset()));
        command.addAll(setup.properties());
        Path console = setup.baseDir().resolve("console-" + name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("JBOSS_JAVA_SIZING", "-Xms256m -Xmx768m");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        return new ServerProcess(setup, builder.start(), console);
    }

    /**
     * Waits until the application answers through its API (the EAR deployed, its migrations run),
     * failing early when the server died or the deployment failed.
     */
    public void awaitReady() throws IOException, InterruptedException, TimeoutException {
        HelpdeskClient client = HelpdeskClient.basic("alice", "demo");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Path failed = setup.baseDir().resolve("deployments/helpdesk.ear.failed");
        while (System.nanoTime() < deadline) {
            if (!wrapper.isAlive()) {
                throw new IllegalStateException(
                        "WildFly ended during its start with " + wrapper.exitValue() + ":\n" + consoleTail());
            }
            if (Files.exists(failed)) {
                throw new IllegalStateException("The deployment failed: " + Files.readString(failed));
            }
            try {
                HttpResponse<String> me = client.send(client.request(setup.baseUrl() + "/api/v1/me")
                        .timeout(Duration.ofSeconds(10))
                        .GET());
                if (me.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The server is still starting.
            }
            Thread.sleep(250);
        }
        throw new TimeoutException("WildFly was not ready after " + START_TIMEOUT + ":\n" + consoleTail());
    }

    /** SIGKILL to the server's JVM (not its wrapper script), then waits until both are gone. */
    public void killHard() throws InterruptedException, TimeoutException {
        ProcessHandle java = java();
        if (!java.destroyForcibly()) {
            throw new IllegalStateException("Could not kill " + java.pid());
        }
        awaitExit(java);
        awaitExit(wrapper.toHandle());
    }

    /** SIGTERM to the server's JVM: WildFly shuts down in order, and the wrapper ends with it. */
    public void stop() throws InterruptedException, TimeoutException {
        Optional<ProcessHandle> java = findJava();
        if (java.isPresent()) {
            java.get().destroy();
            awaitExit(java.get());
        }
        awaitExit(wrapper.toHandle());
    }

    /** The server's JVM: the java process below the wrapper script. */
    public ProcessHandle java() {
        return findJava().orElseThrow(() -> new IllegalStateException("No java process below " + wrapper.pid()));
    }

    private Optional<ProcessHandle> findJava() {
        return wrapper.descendants()
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("/java"))
                        .orElse(false))
                .findFirst();
    }

    private static void awaitExit(ProcessHandle process) throws InterruptedException, TimeoutException {
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Waits until the server's readiness ({@code /health/ready} on its management port) is UP: the
     * deployment started, the pages, the API and the database answer. For a server without the
     * demo users, which {@link #awaitReady()} signs in as.
     */
    public void awaitHealthReady() throws IOException, InterruptedException, TimeoutException {
        HelpdeskClient client = HelpdeskClient.anonymous();
        String ready = "http://127.0.0.1:" + (9990 + setup.portOffset()) + "/health/ready";
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!wrapper.isAlive()) {
                throw new IllegalStateException(
                        "WildFly ended during its start with " + wrapper.exitValue() + ":\n" + consoleTail());
            }
            if (Files.exists(setup.baseDir().resolve("deployments/helpdesk.ear.failed"))) {
                throw new IllegalStateException("The deployment failed:\n" + consoleTail());
            }
            try {
                if (client.send(client.request(ready)
                                        .timeout(Duration.ofSeconds(10))
                                        .GET())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The server is still starting.
            }
            Thread.sleep(250);
        }
        throw new TimeoutException("WildFly was not ready after " + START_TIMEOUT + ":\n" + consoleTail());
    }

    public String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console log: " + e + ")";
        }
    }

    /** Ends the server if it still runs (a failed test): gracefully first, then by force. */
    @Override
    public void close() throws InterruptedException {
        try {
            if (wrapper.isAlive()) {
                stop();
            }
        } catch (TimeoutException | RuntimeException e) {
            destroyForcibly();
        } finally {
            destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run.
            }
        }
    }

    private void destroyForcibly() {
        wrapper.descendants().forEach(ProcessHandle::destroyForcibly);
        wrapper.destroyForcibly();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }
}
