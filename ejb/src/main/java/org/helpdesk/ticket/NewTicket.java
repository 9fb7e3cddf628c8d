package org.helpdesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.helpdesk.common.Limits;

/** A request as the requester fills it in (Rule 3). There is no status: a new ticket is open. */
public record NewTicket(
        @NotBlank(message = "Enter a subject.")
        @Size(max = Limits.SUBJECT, message = "The subject has at most " + Limits.SUBJECT + " characters.")
        String subject,

        @NotBlank(message = "Describe what you need.")
        @Size(max = Limits.TEXT, message = "The details have at most " + Limits.TEXT_IN_WORDS + " characters.")
        String details,

        @NotNull(message = "Choose an urgency.") Urgency urgency,
        @NotNull(message = "Choose a location.") Long locationId) {}
