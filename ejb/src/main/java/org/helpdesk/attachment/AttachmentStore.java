package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.User;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketMessage;

/**
 * Stores incoming files in the caller's transaction, chunk by chunk: one chunk is in memory at a
 * time, and each is flushed to the database and let go before the next is read. A file that breaks
 * Rule 5 throws before the transaction commits, so a refused submission leaves nothing behind.
 */
@ApplicationScoped
public class AttachmentStore {

    /** The size of one stored piece of a file. */
    public static final int CHUNK_BYTES = 256 * 1024;

    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    static final String UNKNOWN_TYPE = "application/octet-stream";

    @PersistenceContext
    private EntityManager em;

    /** Rule 5's count, checked before a single byte is read. */
    public void checkCount(List<IncomingFile> files) {
        if (files.size() > AttachmentLimits.MAX_FILES) {
            throw new InvalidInputException(
                    "attachments", RefusalMessage.of("attachment.tooMany", AttachmentLimits.MAX_FILES));
        }
    }

    /** Stores the files, attached to the ticket and to the message they came with (if any). */
    public void storeAll(Ticket ticket, TicketMessage message, User uploader, List<IncomingFile> files, Instant now) {
        checkCount(files);
        for (IncomingFile file : files) {
            store(ticket, message, uploader, file, now);
        }
    }

    private void store(Ticket ticket, TicketMessage message, User uploader, IncomingFile file, Instant now) {
        String fileName = FileNames.clean(file.fileName());
        Attachment attachment =
                new Attachment(ticket, message, uploader, fileName, mediaTypeOf(file.contentType()), now);
        em.persist(attachment);
        em.flush();
        long total = 0;
        int chunkNo = 0;
        try (InputStream in = file.content().open()) {
            byte[] piece = in.readNBytes(CHUNK_BYTES);
            while (piece.length > 0) {
                total += piece.length;
                if (total > AttachmentLimits.MAX_FILE_BYTES) {
                    throw new InvalidInputException(
                            "attachments",
                            RefusalMessage.of(
                                    "attachment.tooLarge", fileName, AttachmentLimits.MAX_FILE_BYTES / (1024 * 1024)));
                }
                AttachmentChunk chunk = new AttachmentChunk(attachment.getId(), chunkNo++, piece);
                em.persist(chunk);
                em.flush();
                em.detach(chunk);
                piece = in.readNBytes(CHUNK_BYTES);
            }
        } catch (IOException e) {
            throw new InvalidInputException("attachments", RefusalMessage.of("attachment.incomplete", fileName));
        }
        if (total == 0) {
            throw new InvalidInputException("attachments", RefusalMessage.of("attachment.empty", fileName));
        }
        attachment.completed(total);
    }

    static String mediaTypeOf(String declared) {
        if (declared == null) {
            return UNKNOWN_TYPE;
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.length() <= 100 && MEDIA_TYPE.matcher(type).matches() ? type : UNKNOWN_TYPE;
    }
}
