package org.helpdesk.it.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's pictures: written into docs/screenshots on every run, so they show the pages as built. */
final class Screenshots {

    private Screenshots() {}

    /** Saves the whole page the browser shows as {@code <name>.png}. */
    static Path save(Browser browser, String name) throws IOException {
        Path folder = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name + ".png"), browser.screenshot());
    }
}
