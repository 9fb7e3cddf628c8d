package org.helpdesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request as the requester fills it in (Rule 3). There is no status: a new ticket is open. */
public record NewTicket(
        @NotBlank(message = "Enter a subject.") @Size(max = 200, message = "The subject has at most 200 characters.")
        String subject,

        @NotBlank(message = "Describe what you need.")
        @Size(max = 20000, message = "The details have at most 20,000 characters.")
        String details,

        @NotNull(message = "Choose an urgency.") Urgency urgency,
        @NotNull(message = "Choose a location.") Long locationId) {}
