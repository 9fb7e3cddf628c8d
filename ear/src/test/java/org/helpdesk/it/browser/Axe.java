package org.helpdesk.it.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * axe-core, Deque's accessibility engine from the npm registry (on the test class path as
 * WebJars republishes it), injected into the page a browser shows and run there with its default
 * rules (WCAG 2.0, 2.1 A and AA, and best practices).
 */
final class Axe {

    /** axe's impacts, worst first. */
    static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

    private static final String VERSION = webJarVersion();
    private static final String SOURCE = resource("/META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js");

    /** Runs axe on the whole document; hands back each violated rule with the elements that violate it. */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
                .then(result => done(result.violations.map(violation => ({
                    rule: violation.id,
                    impact: violation.impact,
                    help: violation.help,
                    elements: violation.nodes.map(node => node.target.join(' '))
                }))))
                .catch(error => done(String(error)));
            """;

    private Axe() {}

    /** Checks the page the browser shows now. */
    static Report check(Browser browser, String page) {
        browser.script(SOURCE);
        Object result = browser.asyncScript(RUN);
        if (!(result instanceof List<?> violations)) {
            throw new AssertionError("axe-core failed on " + page + ": " + result);
        }
        return new Report(
                page,
                violations.stream().map(Map.class::cast).map(Violation::of).toList());
    }

    /** One rule the page breaks, how badly, and where. */
    record Violation(String rule, String impact, String help, List<String> elements) {

        static Violation of(Map<?, ?> raw) {
            return new Violation(
                    (String) raw.get("rule"),
                    (String) raw.get("impact"),
                    (String) raw.get("help"),
                    ((List<?>) raw.get("elements"))
                            .stream().map(String::valueOf).toList());
        }

        boolean seriousOrWorse() {
            return impact.equals("critical") || impact.equals("serious");
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + "): " + String.join(", ", elements);
        }
    }

    /** What axe found on one page. */
    record Report(String page, List<Violation> violations) {

        List<Violation> seriousOrWorse() {
            return violations.stream().filter(Violation::seriousOrWorse).toList();
        }

        /** One line for the build output, e.g. "axe-core 4.6.3, my tickets: 0 critical, 1 serious (color-contrast), ...". */
        String summary() {
            return "axe-core " + VERSION + ", " + page + ": "
                    + IMPACTS.stream().map(this::countOf).collect(Collectors.joining(", "));
        }

        private String countOf(String impact) {
            List<String> rules = violations.stream()
                    .filter(v -> v.impact().equals(impact))
                    .map(Violation::rule)
                    .toList();
            return rules.size() + " " + impact + (rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")");
        }
    }

    private static String webJarVersion() {
        Properties pom = new Properties();
        try (InputStream in =
                Axe.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("axe-core (org.webjars.npm:axe-core) is not on the test class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String resource(String path) {
        try (InputStream in = Axe.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Not on the test class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
