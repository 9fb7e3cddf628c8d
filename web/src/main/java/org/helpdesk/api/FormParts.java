package org.helpdesk.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;

/**
 * A multipart/form-data request as the EJBs take it: the text fields by name, and the files of the
 * parts named {@value #FILES} as {@link IncomingFile}s whose bytes are read once, while the EJB
 * stores them.
 * <p>
 * The servlet container parses the form, as it does the pages' forms (org.helpdesk.web.ApiServletSetup): a
 * part beyond 64 KB waits in a temporary file that the container deletes when the request ends,
 * whatever its outcome.
 */
final class FormParts {

    /** The name of the parts that carry files, as in {@code curl -F attachments=@photo.png}. */
    static final String FILES = "attachments";

    /**
     * How much of a text field is read: more than any field may hold (20,000 characters of at most
     * 4 bytes), so that a longer part is still refused by the EJB's length check, yet never read
     * whole into memory.
     */
    private static final int MAX_TEXT_BYTES = 128 * 1024;

    private final Map<String, String> fields;
    private final List<IncomingFile> files;

    private FormParts(Map<String, String> fields, List<IncomingFile> files) {
        this.fields = fields;
        this.files = files;
    }

    static FormParts of(HttpServletRequest request) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        List<IncomingFile> files = new ArrayList<>();
        for (Part part : partsOf(request)) {
            if (FILES.equals(part.getName())) {
                files.add(new IncomingFile(part.getSubmittedFileName(), part.getContentType(), part::getInputStream));
            } else if (part.getSubmittedFileName() != null) {
                throw new InvalidInputException(part.getName(), RefusalMessage.of("api.files.partName", FILES));
            } else {
                fields.putIfAbsent(part.getName(), text(part));
            }
        }
        return new FormParts(fields, List.copyOf(files));
    }

    String field(String name) {
        return fields.get(name);
    }

    List<IncomingFile> files() {
        return files;
    }

    /**
     * The request's parts. The container refuses a request over the multipart limit with an
     * IllegalStateException (Servlet 6.0, 3.2), a 413; a body that breaks off or is not a
     * multipart form is a 400. ({@link RequestSizeLimit} has already refused any multipart request
     * that does not declare a length within the limit, so the first hardly happens.)
     */
    private static List<Part> partsOf(HttpServletRequest request) {
        try {
            return List.copyOf(request.getParts());
        } catch (IllegalStateException tooLarge) {
            throw new WebApplicationException(
                    tooLarge,
                    RequestSizeLimit.tooLarge(RequestSizeLimit.MULTIPART_LIMIT).toResponse());
        } catch (IOException | ServletException unreadable) {
            throw new WebApplicationException(
                    unreadable,
                    Problem.invalid("The request body is not a complete multipart form.", List.of())
                            .toResponse());
        }
    }

    private static String text(Part part) throws IOException {
        try (InputStream content = part.getInputStream()) {
            return new String(content.readNBytes(MAX_TEXT_BYTES), charsetOf(part));
        }
    }

    /** The charset the part declares; UTF-8 where it declares none, as browsers and curl send. */
    private static Charset charsetOf(Part part) {
        String type = part.getContentType();
        try {
            String declared = type == null
                    ? null
                    : MediaType.valueOf(type).getParameters().get(MediaType.CHARSET_PARAMETER);
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(declared);
        } catch (IllegalArgumentException malformedTypeOrUnknownCharset) {
            throw new InvalidInputException(part.getName(), RefusalMessage.of("api.text.charset"));
        }
    }
}
