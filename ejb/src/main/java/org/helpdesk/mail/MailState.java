package org.helpdesk.mail;

/** Where an outbox row stands. */
public enum MailState {
    /** Waiting to be sent (again) at its next attempt time. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the configured time; an administrator can retry it. */
    DEAD
}
