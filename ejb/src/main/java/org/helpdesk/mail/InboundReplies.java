package org.helpdesk.mail;

/**
 * What the fetcher hands each message to: the ticket package decides whether a reply becomes a
 * response ({@code org.helpdesk.ticket.MailReplies}). An interface here so that this package
 * stays below the ticket package (packages point one way) while the fetcher calls up into it.
 */
public interface InboundReplies {

    /**
     * Decides the message and records its Message-ID, in a transaction of its own that also holds
     * the response it causes; {@link ReplyOutcome#DUPLICATE} (and nothing written) if it was
     * recorded before. A runtime exception means that transaction rolled back and nothing was kept.
     */
    ReplyOutcome handle(InboundMail mail);

    /** Records a message that failed again and again, so that it is not fetched for ever. */
    void failed(InboundMail mail);
}
