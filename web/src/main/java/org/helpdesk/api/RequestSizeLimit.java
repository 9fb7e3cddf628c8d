package org.helpdesk.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.helpdesk.attachment.AttachmentLimits;

/**
 * Bounds every API request body before anything reads it: a multipart body may hold Rule 5's five
 * files of 10 MB and the form (51 MB, like the pages' forms), any other body 1 MB. A declared
 * Content-Length over the limit is answered 413 at once, without reading the body.
 * <p>
 * A JSON body without a Content-Length (chunked) is cut off with a 413 when it passes the limit.
 * A multipart body must declare its length (411 otherwise): the servlet container parses it
 * ({@link FormParts}) and, past the limit, could only drop the connection without an answer.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    /** Rule 5's five files of 10 MB and 1 MB for the form around them. */
    public static final long MULTIPART_LIMIT =
            AttachmentLimits.MAX_FILES * AttachmentLimits.MAX_FILE_BYTES + 1024 * 1024;

    static final long OTHER_LIMIT = 1024 * 1024;

    private static final MediaType MULTIPART = new MediaType("multipart", MediaType.MEDIA_TYPE_WILDCARD);

    @Override
    public void filter(ContainerRequestContext request) {
        boolean multipart =
                request.getMediaType() != null && request.getMediaType().isCompatible(MULTIPART);
        long limit = multipart ? MULTIPART_LIMIT : OTHER_LIMIT;
        long declared = declaredLength(request);
        if (declared > limit) {
            request.abortWith(tooLarge(limit).toResponse());
        } else if (multipart && declared < 0) {
            request.abortWith(Problem.of(
                            411,
                            "Send a multipart request with its Content-Length, so that its size is "
                                    + "known before it is read.")
                    .toResponse());
        } else if (!multipart) {
            request.setEntityStream(new LimitedStream(request.getEntityStream(), limit));
        }
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "The request body is larger than " + limit / (1024 * 1024) + " MB.");
    }

    private static long declaredLength(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    /** Thrown by the body's stream past the limit; {@link UnreadableBodyInterceptor} finds it among the causes. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        private final long limit;

        TooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** The request body, counted as it is read. */
    private static final class LimitedStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        /** No mark and reset: every byte is counted once, as it arrives. */
        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException(limit);
            }
        }
    }
}
