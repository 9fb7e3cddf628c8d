/**
 * E-mail, both ways. Out: the outbox ({@link org.helpdesk.mail.OutboxMail}), written by the
 * services that change tickets in their own transaction through {@link org.helpdesk.mail.MailOutbox};
 * the sender ({@link org.helpdesk.mail.MailSender}), a timer that claims due rows once per cluster
 * and delivers them through WildFly's mail session; the users' notification preferences and the
 * administrators' view of dead mail. In: the fetcher ({@link org.helpdesk.mail.MailFetcher}), which
 * reads the mailbox by IMAP on one node at a time, the parser of a reply
 * ({@link org.helpdesk.mail.InboundMail}), the reply tokens and the record of handled messages.
 * What a notification says, and what a reply may do to a ticket, is decided in
 * {@code org.helpdesk.ticket} (through {@link org.helpdesk.mail.InboundReplies}); nothing here
 * knows tickets, only their ids.
 */
package org.helpdesk.mail;
