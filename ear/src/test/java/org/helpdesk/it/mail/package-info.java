/**
 * The mail tests (-Pmail): the test server sends its notifications through configure-mail.cli's
 * session to a real SMTP server and fetches replies from a real IMAP mailbox
 * ({@link org.helpdesk.it.mail.TestMailServer}, GreenMail) that these tests start, stop and start
 * again; they drive the application over its HTTP API and by mail, as users do.
 */
package org.helpdesk.it.mail;
