package org.helpdesk.it.ticket;

import java.util.List;
import java.util.stream.LongStream;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketOverview;
import org.helpdesk.ticket.TicketService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.SOUTH;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link TicketService#overviews}: whole tickets for a list, by id, within the caller's scope (Rules 1 and 2). */
@ExtendWith(ArquillianExtension.class)
class TicketOverviewsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private TicketService tickets;

    private static List<Long> idsOf(List<TicketOverview> overviews) {
        return overviews.stream().map(TicketOverview::id).toList();
    }

    @Test
    void aRequesterGetsOnlyTheirOwnTicketsInTheOrderAsked() throws Exception {
        long first = fileTicket("alice", NORTH, uniqueSubject("Own first"));
        long second = fileTicket("alice", NORTH, uniqueSubject("Own second"));
        long rons = fileTicket("ron", SOUTH, uniqueSubject("Ron's"));

        List<TicketOverview> overviews = Callers.as("alice", () -> tickets.overviews(List.of(second, rons, first)));

        assertEquals(List.of(second, first), idsOf(overviews));
        TicketOverview overview = overviews.get(0);
        assertEquals(Status.OPEN, overview.status());
        assertEquals("alice", overview.requester().username());
        assertEquals("North Clinic", overview.location().name());
    }

    @Test
    void staffGetTheTicketsOfTheirLocationsOnly() throws Exception {
        long north = fileTicket("alice", NORTH, uniqueSubject("North"));
        long south = fileTicket("ron", SOUTH, uniqueSubject("South"));

        assertEquals(List.of(north), idsOf(Callers.as("mark", () -> tickets.overviews(List.of(north, south)))));
        assertEquals(
                List.of(north, south), idsOf(Callers.as("olivia", () -> tickets.overviews(List.of(north, south)))));
    }

    @Test
    void itNeedsATicketPermissionAndTakesAPageAtATime() {
        assertThrows(EJBAccessException.class, () -> Callers.as("nora", () -> tickets.overviews(List.of(1L))));
        assertThrows(EJBAccessException.class, () -> tickets.overviews(List.of(1L)));
        List<Long> tooMany = LongStream.rangeClosed(1, 101).boxed().toList();
        assertThrows(InvalidInputException.class, () -> Callers.as("alice", () -> tickets.overviews(tooMany)));
    }
}
