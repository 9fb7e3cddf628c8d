package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;

/**
 * Support staff's work on a ticket in their scope: status, assignee, category and internal notes.
 * Only {@code manage_tickets} may call any of it (Rule 6, Rule 7), and only on tickets at the
 * caller's current locations ({@link TicketAccess#staffTicket}): a ticket outside them is "Ticket
 * not found", or, where the caller filed it themselves, a refusal (they are only its requester). Each change carries the version the caller saw, so that two
 * staff changing one ticket at once never overwrite each other unseen.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class TriageService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TicketAccess access;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private TicketNotifications notifications;

    @Inject
    private SlaPolicy sla;

    /**
     * Sets any of the four statuses, recorded in the history. Each write here is refused with a
     * concurrent change when the ticket is no longer at {@code expectedVersion}, compared in the
     * write's transaction; {@code null} asks for the change on the ticket as it is.
     */
    public void changeStatus(long ticketId, Long expectedVersion, Status status) {
        User caller = currentUser.get();
        Ticket ticket = ticketAtVersion(ticketId, expectedVersion, caller);
        applyStatus(ticket, caller, status);
        TicketService.flushOrReportConflict(em);
    }

    /** Assigns the ticket to a staff member who can see its location, or unassigns it ({@code null}). */
    public void assign(long ticketId, Long expectedVersion, Long assigneeId) {
        User caller = currentUser.get();
        Ticket ticket = ticketAtVersion(ticketId, expectedVersion, caller);
        applyAssignee(ticket, caller, assigneeId);
        TicketService.flushOrReportConflict(em);
    }

    /** Sets an active category, or clears it ({@code null}). */
    public void categorise(long ticketId, Long expectedVersion, Long categoryId) {
        User caller = currentUser.get();
        Ticket ticket = ticketAtVersion(ticketId, expectedVersion, caller);
        applyCategory(ticket, caller, categoryId);
        TicketService.flushOrReportConflict(em);
    }

    /**
     * Status, assignee and category at once, as the ticket page's staff panel sends them: all
     * applied, or none. Only what differs from the ticket is changed and recorded.
     */
    public void triage(long ticketId, Long expectedVersion, Status status, Long assigneeId, Long categoryId) {
        User caller = currentUser.get();
        Ticket ticket = ticketAtVersion(ticketId, expectedVersion, caller);
        applyStatus(ticket, caller, status);
        applyAssignee(ticket, caller, assigneeId);
        applyCategory(ticket, caller, categoryId);
        TicketService.flushOrReportConflict(em);
    }

    private void applyStatus(Ticket ticket, User caller, Status status) {
        if (status == null) {
            throw new InvalidInputException("status", RefusalMessage.of("ticket.status.required"));
        }
        Status before = ticket.getStatus();
        Instant now = TicketService.now();
        ticket.changeStatus(caller, status, now);
        sla.follow(ticket, now);
        notifications.statusChanged(ticket, caller, before);
    }

    private void applyAssignee(Ticket ticket, User caller, Long assigneeId) {
        User assignee = assigneeId == null
                ? null
                : access.staffMemberAt(ticket, assigneeId)
                        .orElseThrow(() -> new InvalidInputException(
                                "assigneeId", RefusalMessage.of("ticket.assignee.outOfScope")));
        User before = ticket.getAssignee();
        ticket.assign(caller, assignee, TicketService.now());
        notifications.assigned(ticket, caller, before);
    }

    private void applyCategory(Ticket ticket, User caller, Long categoryId) {
        Category category = null;
        if (categoryId != null) {
            category = em.find(Category.class, categoryId);
            if (category == null || !category.isActive()) {
                throw new InvalidInputException("categoryId", RefusalMessage.of("ticket.category.inactive"));
            }
        }
        ticket.categorise(caller, category, TicketService.now());
    }

    /** A staff-only note with optional files; it never changes the status (Rule 7, Rule 8). */
    public void addInternalNote(long ticketId, String text, List<IncomingFile> files) {
        addInternalNote(ticketId, null, text, files);
    }

    /**
     * {@link #addInternalNote(long, String, List)}, refused with a concurrent change when the ticket
     * is no longer at {@code expectedVersion} ({@code null}: any), compared in this transaction.
     */
    public void addInternalNote(long ticketId, Long expectedVersion, String text, List<IncomingFile> files) {
        TicketService.requireVersion(access, currentUser.get(), ticketId, expectedVersion);
        String body = TicketService.requireText("text", text, "note.required");
        attachments.checkCount(files);
        User caller = currentUser.get();
        Ticket ticket = access.staffTicket(ticketId, caller);
        Instant now = TicketService.now();
        TicketMessage note = ticket.addInternalNote(caller, body, now);
        em.persist(note);
        attachments.storeAll(ticket, note, caller, files, now);
    }

    /** The staff members this ticket can be assigned to: staff with access to its location. */
    public List<TicketDetails.Person> assignableStaff(long ticketId) {
        Ticket ticket = access.staffTicket(ticketId, currentUser.get());
        return access.staffAt(ticket).stream().map(TicketViews::person).toList();
    }

    /**
     * The ticket for staff work (only at the caller's locations), if still at
     * {@code expectedVersion} ({@code null}: as it is now), in this transaction.
     */
    private Ticket ticketAtVersion(long ticketId, Long expectedVersion, User caller) {
        Ticket ticket = access.staffTicket(ticketId, caller);
        if (expectedVersion != null && ticket.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        return ticket;
    }
}
