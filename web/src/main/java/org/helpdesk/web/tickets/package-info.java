/**
 * Backing beans of the requester's pages under /tickets: my-tickets.xhtml, add.xhtml and
 * view.xhtml, and the download of attached files.
 */
package org.helpdesk.web.tickets;
