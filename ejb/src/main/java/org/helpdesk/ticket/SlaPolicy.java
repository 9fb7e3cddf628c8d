package org.helpdesk.ticket;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.helpdesk.sla.SlaSchedule;

/**
 * Where a ticket's SLA clocks meet its events: the beans that own an event (filing in {@link
 * TicketService}, responses there and in {@link MailReplies}, status changes in {@link
 * TriageService}) call it in the event's own transaction, after the change, so that the stored due
 * times are never stale. What each event does to the clocks is decided by {@link Ticket}; this
 * bean brings the location's working time and the urgency's targets.
 */
@ApplicationScoped
public class SlaPolicy {

    @Inject
    private SlaSchedule schedule;

    /** Both clocks of a ticket just filed. */
    public void startClocks(Ticket ticket) {
        ticket.startClocks(
                schedule.calendarOf(ticket.getLocation().getId()),
                schedule.targetFor(ticket.getUrgency().name()));
    }

    /** The clocks after a response or a change of status (a no-op where nothing changed for them). */
    public void follow(Ticket ticket, Instant now) {
        ticket.followClocks(schedule.calendarOf(ticket.getLocation().getId()), now);
    }
}
