/**
 * Outgoing e-mail: the outbox ({@link org.helpdesk.mail.OutboxMail}), written by the services that
 * change tickets in their own transaction through {@link org.helpdesk.mail.MailOutbox}; the sender
 * ({@link org.helpdesk.mail.MailSender}), a timer that claims due rows once per cluster and
 * delivers them through WildFly's mail session; the users' notification preferences and the
 * administrators' view of dead mail. What a notification says about a ticket is decided in
 * {@code org.helpdesk.ticket}; nothing here knows tickets, only their ids.
 */
package org.helpdesk.mail;
