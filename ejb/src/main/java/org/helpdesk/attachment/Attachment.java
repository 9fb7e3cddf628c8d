package org.helpdesk.attachment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.helpdesk.directory.User;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketMessage;

/**
 * A file's description; its bytes are {@link AttachmentChunk}s. It belongs to a ticket, and to the
 * message it came with ({@code null} for the files of the original request), so that a note's
 * files are as hidden as the note (Rule 7).
 */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @ManyToOne
    @JoinColumn(name = "message_id")
    private TicketMessage message;

    @ManyToOne(optional = false)
    @JoinColumn(name = "uploaded_by")
    private User uploadedBy;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 200)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Attachment() {}

    Attachment(
            Ticket ticket, TicketMessage message, User uploadedBy, String fileName, String contentType, Instant now) {
        this.ticket = ticket;
        this.message = message;
        this.uploadedBy = uploadedBy;
        this.fileName = fileName;
        this.contentType = contentType;
        this.createdAt = now;
    }

    void completed(long size) {
        this.sizeBytes = size;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public TicketMessage getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
