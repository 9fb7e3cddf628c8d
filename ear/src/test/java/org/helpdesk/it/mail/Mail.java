package org.helpdesk.it.mail;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** One received notification, read once into plain values for the assertions. */
record Mail(String to, String subject, String text, String html, String autoSubmitted, String outboxId) {

    static Mail of(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            Multipart alternative = (Multipart) message.getContent();
            for (int i = 0; i < alternative.getCount(); i++) {
                BodyPart part = alternative.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Mail(
                    message.getAllRecipients()[0].toString(),
                    message.getSubject(),
                    text,
                    html,
                    message.getHeader("Auto-Submitted", null),
                    message.getHeader("X-Helpdesk-Outbox-Id", null));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }

    /** Whether the mail is about the ticket (its subject starts "[Helpdesk #id]"). */
    boolean about(long ticketId) {
        return subject.startsWith("[Helpdesk #" + ticketId + "] ");
    }

    static boolean about(MimeMessage message, long ticketId) {
        try {
            return message.getSubject().startsWith("[Helpdesk #" + ticketId + "] ");
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The kind, from the words between the ticket number and the colon. */
    String what() {
        return subject.substring(subject.indexOf("] ") + 2, subject.indexOf(": "));
    }
}
