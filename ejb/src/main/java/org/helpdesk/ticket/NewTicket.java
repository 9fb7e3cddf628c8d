package org.helpdesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.helpdesk.common.Limits;

/** A request as the requester fills it in (Rule 3). There is no status: a new ticket is open. */
public record NewTicket(
        @NotBlank(message = "{ticket.subject.required}") @Size(max = Limits.SUBJECT, message = "{ticket.subject.size}")
        String subject,

        @NotBlank(message = "{ticket.details.required}") @Size(max = Limits.TEXT, message = "{ticket.details.size}")
        String details,

        @NotNull(message = "{ticket.urgency.required}") Urgency urgency,
        @NotNull(message = "{ticket.location.required}") Long locationId) {}
