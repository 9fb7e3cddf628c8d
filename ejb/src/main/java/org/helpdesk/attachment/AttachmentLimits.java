package org.helpdesk.attachment;

/** Rule 5, in one place: the pages, the API and the service all read these. */
public final class AttachmentLimits {

    /** At most this many files per submission (a new request or a response). */
    public static final int MAX_FILES = 5;

    /** At most this many bytes per file: 10 MB. */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private AttachmentLimits() {}
}
