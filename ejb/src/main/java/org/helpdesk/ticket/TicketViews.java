package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.helpdesk.attachment.Attachment;
import org.helpdesk.directory.User;

/**
 * Turns the entities a query loaded into the records that leave the EJB layer. People are named by
 * display name; their user names only to staff working on the ticket ({@code staffPowers}) and to
 * the person themselves: a requester never learns the staff's sign-in names.
 */
final class TicketViews {

    private TicketViews() {}

    static TicketDetails details(
            Ticket ticket,
            User caller,
            boolean staffPowers,
            List<TicketMessage> messages,
            List<TicketEvent> events,
            List<Attachment> files) {
        Map<Long, List<TicketDetails.File>> filesByMessage = files.stream()
                .filter(file -> file.getMessage() != null)
                .collect(Collectors.groupingBy(
                        file -> file.getMessage().getId(), Collectors.mapping(TicketViews::file, Collectors.toList())));
        List<TicketDetails.File> requestFiles = files.stream()
                .filter(file -> file.getMessage() == null)
                .map(TicketViews::file)
                .toList();
        return new TicketDetails(
                ticket.getId(),
                ticket.getVersion(),
                ticket.getSubject(),
                ticket.getDetails(),
                ticket.getUrgency(),
                ticket.getStatus(),
                location(ticket),
                person(ticket.getRequester(), caller, staffPowers),
                person(ticket.getAssignee(), caller, staffPowers),
                category(ticket),
                ticket.getCreatedAt(),
                ticket.getUpdatedAt(),
                ticket.isRequestedBy(caller),
                staffPowers,
                requestFiles,
                messages.stream()
                        .map(message -> new TicketDetails.Message(
                                message.getId(),
                                person(message.getAuthor(), caller, staffPowers),
                                message.getBody(),
                                message.isInternal(),
                                message.getCreatedAt(),
                                filesByMessage.getOrDefault(message.getId(), List.of())))
                        .toList(),
                events.stream()
                        .map(event -> new TicketDetails.HistoryEntry(
                                event.getId(),
                                event.getType(),
                                person(event.getActor(), caller, staffPowers),
                                event.getFromValue(),
                                event.getToValue(),
                                event.isAutomatic(),
                                event.getOccurredAt()))
                        .toList(),
                staffPowers ? sla(ticket, TicketService.now()) : null);
    }

    private static TicketDetails.Sla sla(Ticket ticket, Instant now) {
        return new TicketDetails.Sla(
                ticket.firstResponseClock().map(clock -> clock.read(now)).orElse(null),
                ticket.resolutionClock().map(clock -> clock.read(now)).orElse(null));
    }

    static TicketOverview overview(Ticket ticket, User caller, boolean staffPowers) {
        return new TicketOverview(
                ticket.getId(),
                ticket.getSubject(),
                ticket.getDetails(),
                ticket.getUrgency(),
                ticket.getStatus(),
                location(ticket),
                person(ticket.getRequester(), caller, staffPowers),
                person(ticket.getAssignee(), caller, staffPowers),
                category(ticket),
                ticket.getCreatedAt(),
                ticket.getUpdatedAt());
    }

    private static TicketDetails.Ref location(Ticket ticket) {
        return new TicketDetails.Ref(
                ticket.getLocation().getId(), ticket.getLocation().getName());
    }

    private static TicketDetails.Ref category(Ticket ticket) {
        return ticket.getCategory() == null
                ? null
                : new TicketDetails.Ref(
                        ticket.getCategory().getId(), ticket.getCategory().getName());
    }

    /** A staff member as staff see them, with their user name. */
    static TicketDetails.Person person(User user) {
        return user == null ? null : new TicketDetails.Person(user.getId(), user.getUsername(), user.getDisplayName());
    }

    /** A person as the caller sees them: the user name only with staff powers or for oneself. */
    private static TicketDetails.Person person(User user, User caller, boolean staffPowers) {
        if (user == null) {
            return null;
        }
        boolean withUsername = staffPowers || user.getId().equals(caller.getId());
        return new TicketDetails.Person(user.getId(), withUsername ? user.getUsername() : null, user.getDisplayName());
    }

    private static TicketDetails.File file(Attachment attachment) {
        return new TicketDetails.File(
                attachment.getId(), attachment.getFileName(), attachment.getSizeBytes(), attachment.getContentType());
    }
}
