package org.helpdesk.api;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.ticket.TicketDetails;

/**
 * How a ticket goes out over HTTP, in one place: its view as the body and its version as the
 * {@code ETag}; and how a write's {@code If-Match} comes in, for the EJB to compare with the
 * ticket as it stores the change (a stale one is a 412, see {@link BusinessExceptionMapper}).
 * Every call that changes a ticket answers with the ticket as it is afterwards, so that the
 * client sees the effect of the rules (a response moving the ticket to in_progress) and holds the
 * ETag for its next write.
 */
final class TicketResponses {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private TicketResponses() {}

    /** 200 with the ticket and its ETag. */
    static Response ok(TicketDetails ticket) {
        return Response.ok(TicketView.of(ticket)).tag(etagOf(ticket)).build();
    }

    /** 201 with the ticket's address, the ticket and its ETag. */
    static Response created(UriInfo uriInfo, TicketDetails ticket) {
        return Response.created(locationOf(uriInfo, ticket.id()))
                .entity(TicketView.of(ticket))
                .tag(etagOf(ticket))
                .build();
    }

    private static URI locationOf(UriInfo uriInfo, long ticketId) {
        return uriInfo.getBaseUriBuilder()
                .path("tickets")
                .path(Long.toString(ticketId))
                .build();
    }

    static EntityTag etagOf(TicketDetails ticket) {
        return new EntityTag(Long.toString(ticket.version()));
    }

    /**
     * The version named by an If-Match header; empty without one or for {@code *} (any current
     * version). A header that names no version of ours, such as a weak tag or a list, matches no
     * ticket: the write is refused as stale.
     */
    static Optional<Long> ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        Matcher tag = STRONG_TAG.matcher(header.strip());
        if (!tag.matches()) {
            throw new ConcurrentChangeException();
        }
        return Optional.of(Long.valueOf(tag.group(1)));
    }
}
