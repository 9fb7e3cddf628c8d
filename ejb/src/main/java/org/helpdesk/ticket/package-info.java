/**
 * The {@link org.helpdesk.ticket.Ticket} aggregate (its thread of messages and its history), and
 * {@link org.helpdesk.ticket.TicketService}, whose methods carry the ticket rules of DESIGN.md.
 * Which tickets a caller may see is decided in the queries themselves ({@link org.helpdesk.ticket.TicketAccess}).
 */
package org.helpdesk.ticket;
