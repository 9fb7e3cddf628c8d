package org.helpdesk.attachment;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a download goes: told the file's description first (to set the response headers), it
 * returns the stream that receives the bytes.
 */
@FunctionalInterface
public interface DownloadTarget {

    OutputStream open(StoredFile file) throws IOException;

    /** A stored file's description. */
    record StoredFile(long id, String fileName, String contentType, long size) {}
}
