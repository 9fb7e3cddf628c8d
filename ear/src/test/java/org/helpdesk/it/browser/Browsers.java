package org.helpdesk.it.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of one test, one per person in it: register as an instance field with
 * {@code @RegisterExtension}, so that each test gets its own and nothing outlives it. After a
 * failed test, each browser's page is kept (PNG and HTML) in {@code it.browser.failures.dir}.
 */
public final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    private final List<Browser> open = new ArrayList<>();

    /** A new browser, signed in as the user. */
    public Browser signedIn(String username) throws IOException {
        return anonymous().signIn(username);
    }

    /** A new browser nobody has signed in with. */
    public Browser anonymous() throws IOException {
        Browser browser = Browser.start();
        open.add(browser);
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Path folder = Path.of(System.getProperty("it.browser.failures.dir", "target/browser-failures"));
        Files.createDirectories(folder);
        String test = context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName();
        for (int i = 0; i < open.size(); i++) {
            Browser browser = open.get(i);
            Files.write(folder.resolve(test + "-" + (i + 1) + ".png"), browser.screenshot());
            Files.writeString(folder.resolve(test + "-" + (i + 1) + ".html"), browser.html(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        IOException failure = null;
        for (Browser browser : open) {
            try {
                browser.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
