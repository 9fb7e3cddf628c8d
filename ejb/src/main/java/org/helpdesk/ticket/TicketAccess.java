package org.helpdesk.ticket;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/**
 * Which tickets the caller may see, written into the query itself (Rule 2): a requester's own
 * tickets; for staff also every ticket at their locations. Anything else is "Ticket not found",
 * exactly like an id that does not exist, so that ids leak nothing. Staff powers on a visible
 * ticket (internal notes, triage) hold only at the caller's current locations
 * ({@link #staffPowersOn}).
 */
@ApplicationScoped
public class TicketAccess {

    /** The refusal of every ticket the caller may not see, whether it is missing or someone else's. */
    public static final RefusalMessage NOT_FOUND = RefusalMessage.of("ticket.notFound");

    /** The refusal of staff work on a ticket the caller sees only as its requester. */
    public static final RefusalMessage NOT_AT_YOUR_LOCATION = RefusalMessage.of("ticket.notAtYourLocation");

    /** The JPQL condition on ticket alias {@code t} for a requester; parameter {@code :callerId}. */
    static final String OWN = "t.requester.id = :callerId";

    /** The same for staff: their own tickets and those at their locations. */
    static final String IN_SCOPE = "(t.requester.id = :callerId OR t.location.id IN "
            + "(SELECT l.id FROM User u JOIN u.locations l WHERE u.id = :callerId))";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    /** The condition that limits a query on alias {@code t} to what the caller may see. */
    public String visibleCondition() {
        return currentUser.isStaff() ? IN_SCOPE : OWN;
    }

    /**
     * Whether the caller has staff powers on this ticket (internal notes, triage): staff, and the
     * ticket is at one of their locations. Staff who filed a ticket at a location they do not (or no
     * longer) have see it as its requester only.
     */
    public boolean staffPowersOn(Ticket ticket, User caller) {
        long locationId = ticket.getLocation().getId();
        return currentUser.isStaff()
                && caller.getLocations().stream().anyMatch(location -> location.getId() == locationId);
    }

    /** The ticket for staff work, refused ({@link ForbiddenException}) where the caller is only its requester. */
    public Ticket staffTicket(long id, User caller) {
        Ticket ticket = visibleTicket(id, caller);
        if (!staffPowersOn(ticket, caller)) {
            throw new ForbiddenException(NOT_AT_YOUR_LOCATION);
        }
        return ticket;
    }

    /** The ticket, loaded only if the caller may see it, with its location and people. */
    public Ticket visibleTicket(long id, User caller) {
        return visibleTicket(id, caller, currentUser.isStaff());
    }

    /**
     * The same for a user who is not the caller (a reply by mail): {@code staff} says whether they
     * hold manage_tickets.
     */
    public Ticket visibleTicket(long id, User user, boolean staff) {
        return em.createQuery(
                        "SELECT t FROM Ticket t JOIN FETCH t.location JOIN FETCH t.requester " + "WHERE t.id = :id AND "
                                + (staff ? IN_SCOPE : OWN),
                        Ticket.class)
                .setParameter("id", id)
                .setParameter("callerId", user.getId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    /** The active staff members who see the ticket's location (Rule 2), by display name. */
    public List<User> staffAt(Ticket ticket) {
        return staffAt(ticket, null);
    }

    /** The active staff member {@code userId} if they see the ticket's location. */
    public Optional<User> staffMemberAt(Ticket ticket, long userId) {
        return staffAt(ticket, userId).stream().findFirst();
    }

    private List<User> staffAt(Ticket ticket, Long userId) {
        Set<String> staffGroups = GroupPermissions.groupsGranting(Permissions.MANAGE_TICKETS);
        if (staffGroups.isEmpty()) {
            return List.of();
        }
        TypedQuery<User> query = em.createQuery(
                        "SELECT DISTINCT u FROM User u JOIN u.locations l JOIN u.groups g "
                                + "WHERE l.id = :locationId AND g IN :groups AND u.active = TRUE"
                                + (userId == null ? "" : " AND u.id = :userId")
                                + " ORDER BY u.displayName",
                        User.class)
                .setParameter("locationId", ticket.getLocation().getId())
                .setParameter("groups", staffGroups);
        if (userId != null) {
            query.setParameter("userId", userId);
        }
        return query.getResultList();
    }
}
