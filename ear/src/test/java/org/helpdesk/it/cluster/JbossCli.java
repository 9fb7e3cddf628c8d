package org.helpdesk.it.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * WildFly's own command line ({@code bin/jboss-cli.sh}) against a running server's management
 * port, as an operator uses it: the tests apply scripts and change settings with it.
 */
final class JbossCli {

    private JbossCli() {}

    /** Runs {@code jboss-cli.sh --connect} with one argument; fails the test if the CLI failed. */
    static String run(Path jbossHome, String controller, String argument) throws Exception {
        return attempt(jbossHome, controller, argument)
                .orElseThrow(() -> new AssertionError("jboss-cli.sh " + argument + " failed"));
    }

    /** The same, with the CLI's output if it succeeded and nothing if it failed or hung. */
    static Optional<String> attempt(Path jbossHome, String controller, String argument) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        jbossHome.resolve("bin/jboss-cli.sh").toString(),
                        "--connect",
                        "--controller=" + controller,
                        argument)
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(120, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            return Optional.empty();
        }
        if (cli.exitValue() != 0) {
            System.out.println("jboss-cli.sh " + argument + ":\n" + output);
            return Optional.empty();
        }
        return Optional.of(output);
    }
}
