package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file as it arrives with a request, before it is stored: its name and type as the client gave
 * them, and its content as a stream that is read once, while it is stored.
 */
public record IncomingFile(String fileName, String contentType, Content content) {

    /** Opens the file's bytes; called once. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
