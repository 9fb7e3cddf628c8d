package org.helpdesk.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test server's log (server.log, or security.log), read from where a test marked it: what a request made
 * the server write. WildFly's file handler writes each record before the logging call returns, so
 * the lines of a request are there once its answer has arrived. Works outside the server (the
 * test run's it.server.dir) and inside it (jboss.server.log.dir).
 */
public final class ServerLog {

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the current end of server.log. */
    public static ServerLog mark() throws IOException {
        return mark("server.log");
    }

    /** Marks the current end of another file of the server's log folder, e.g. security.log. */
    public static ServerLog mark(String fileName) throws IOException {
        Path file = folder().resolve(fileName);
        return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
    }

    /** Everything written since the mark. */
    public String written() throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = log.length() < mark ? 0 : mark;
            byte[] bytes = new byte[(int) (log.length() - start)];
            log.seek(start);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static Path folder() {
        String inServer = System.getProperty("jboss.server.log.dir");
        if (inServer != null) {
            return Path.of(inServer);
        }
        return Path.of(System.getProperty("it.server.dir"), "log");
    }
}
