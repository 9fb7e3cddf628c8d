package org.helpdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One notification in the outbox: written with the change that causes it, then sent, retried with
 * back-off, or given up ({@link MailState#DEAD}). The recipient's address is copied at writing, so
 * that the mail goes where the user's address was when the change happened.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    /** The longest error text kept; SMTP servers' answers can be long. */
    static final int ERROR_LENGTH = 1000;

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(name = "recipient_id", nullable = false)
    private long recipientId;

    @Column(nullable = false, length = 320)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private MailKind kind;

    @Column(name = "ticket_id")
    private Long ticketId;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "text_body", nullable = false, length = 40000)
    private String textBody;

    @Column(name = "html_body", nullable = false, length = 200000)
    private String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MailState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The secret of this mail's Reply-To address (V7); only mails about a ticket have one. */
    @Column(name = "reply_token", length = 32, updatable = false)
    private String replyToken;

    @Version
    private long version;

    protected OutboxMail() {}

    OutboxMail(long recipientId, String recipient, MailKind kind, Long ticketId, MailContent content, Instant now) {
        this.recipientId = recipientId;
        this.recipient = Objects.requireNonNull(recipient);
        this.kind = Objects.requireNonNull(kind);
        this.ticketId = ticketId;
        this.subject = truncate(content.subject(), 300);
        this.textBody = content.plainText();
        this.htmlBody = content.html();
        this.state = MailState.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.replyToken = ticketId == null ? null : ReplyTokens.newToken();
    }

    /** The SMTP server accepted the mail. */
    void sent(Instant now) {
        attempts++;
        state = MailState.SENT;
        sentAt = now;
        lastError = null;
    }

    /**
     * A failed attempt: tried again after the back-off, or given up (DEAD) when the next attempt
     * would come later than {@code giveUpAfter} after the mail was written.
     */
    void failed(String error, Instant now, Duration initial, Duration max, Duration giveUpAfter) {
        attempts++;
        lastError = truncate(error == null ? "unknown error" : error, ERROR_LENGTH);
        Instant next = now.plus(MailSettings.backOff(attempts, initial, max));
        if (next.isAfter(createdAt.plus(giveUpAfter))) {
            state = MailState.DEAD;
        } else {
            nextAttemptAt = next;
        }
    }

    /** An administrator's retry of a dead mail: pending again, due now, with a fresh time limit. */
    void retry(Instant now) {
        if (state != MailState.DEAD) {
            return;
        }
        state = MailState.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        createdAt = now;
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }

    public Long getId() {
        return id;
    }

    public long getRecipientId() {
        return recipientId;
    }

    public String getRecipient() {
        return recipient;
    }

    public MailKind getKind() {
        return kind;
    }

    public Long getTicketId() {
        return ticketId;
    }

    public String getSubject() {
        return subject;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public MailState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** The token of this mail's Reply-To address, if it is about a ticket. */
    public String getReplyToken() {
        return replyToken;
    }
}
