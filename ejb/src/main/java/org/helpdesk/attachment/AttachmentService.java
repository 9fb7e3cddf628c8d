package org.helpdesk.attachment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;
import org.helpdesk.ticket.TicketAccess;

/**
 * Downloads, through the same check as the ticket itself (Rule 2) and the same filter as its
 * thread (Rule 7: a note's files stay hidden from requesters). The bytes go out chunk by chunk.
 */
@Stateless
@RolesAllowed({Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS})
public class AttachmentService {

    /** The message of every refusal, whether the file is missing or not the caller's to see. */
    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TicketAccess access;

    /** Sends the file to the target, if the caller may see the ticket and the file. */
    public void download(long ticketId, long attachmentId, DownloadTarget target) {
        User caller = currentUser.get();
        boolean staff = access.staffPowersOn(access.visibleTicket(ticketId, caller), caller);
        Attachment attachment = em.createQuery(
                        "SELECT a FROM Attachment a LEFT JOIN a.message m "
                                + "WHERE a.id = :id AND a.ticket.id = :ticketId"
                                + (staff ? "" : " AND (m IS NULL OR m.internal = FALSE)"),
                        Attachment.class)
                .setParameter("id", attachmentId)
                .setParameter("ticketId", ticketId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(RefusalMessage.of("attachment.notFound")));
        try {
            OutputStream out = target.open(new DownloadTarget.StoredFile(
                    attachment.getId(),
                    attachment.getFileName(),
                    attachment.getContentType(),
                    attachment.getSizeBytes()));
            int chunks =
                    (int) ((attachment.getSizeBytes() + AttachmentStore.CHUNK_BYTES - 1) / AttachmentStore.CHUNK_BYTES);
            for (int chunkNo = 0; chunkNo < chunks; chunkNo++) {
                out.write(em.createQuery(
                                "SELECT c.data FROM AttachmentChunk c "
                                        + "WHERE c.attachmentId = :id AND c.chunkNo = :chunkNo",
                                byte[].class)
                        .setParameter("id", attachmentId)
                        .setParameter("chunkNo", chunkNo)
                        .getSingleResult());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The download was interrupted", e);
        }
    }
}
