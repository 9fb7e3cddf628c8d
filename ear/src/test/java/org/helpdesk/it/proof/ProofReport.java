package org.helpdesk.it.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of a proof suite. Most suites run inside the server, whose output goes to its log;
 * they also write their figures to ear/target/proof-reports, which the build prints after the
 * integration tests (ear/pom.xml), so that they appear in the build's own output. A suite that runs
 * in the test JVM itself (the durability test) finds the folder under failsafe's property.
 */
public final class ProofReport {

    private ProofReport() {}

    public static void write(String name, List<String> lines) throws IOException {
        lines.forEach(System.out::println);
        String directory = System.getProperty("helpdesk.it.reports", System.getProperty("it.reports.dir"));
        if (directory != null) {
            Path reports = Files.createDirectories(Path.of(directory));
            Files.write(reports.resolve(name + ".txt"), lines);
        }
    }
}
