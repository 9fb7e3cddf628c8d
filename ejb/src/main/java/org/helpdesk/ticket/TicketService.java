package org.helpdesk.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.helpdesk.attachment.Attachment;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.Page;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.common.StorableText;
import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;

/**
 * The requester's side of a ticket's life: file it, find it, follow it, answer in its thread and
 * edit its text. Every method needs one of the two permissions (Rule 1) and sees only the tickets
 * the caller may see (Rule 2); each rule lives in exactly one method here or in {@link Ticket}.
 */
@Stateless
@RolesAllowed({Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS})
public class TicketService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TicketAccess access;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private Validator validator;

    @Inject
    private TicketQueue queue;

    @Inject
    private TicketNotifications notifications;

    @Inject
    private SlaPolicy sla;

    /**
     * The ids of the tickets the caller may list, newest first: for staff, the queue of their scope,
     * optionally of one requester; for a requester, their own tickets, in which another requester's
     * id matches nothing (an empty page).
     */
    public Page<Long> list(TicketSearch search, Long requesterId) {
        if (currentUser.isStaff()) {
            Page<QueueRow> rows = queue.search(new QueueSearch(
                            search.status(),
                            null,
                            null,
                            null,
                            null,
                            search.text(),
                            requesterId,
                            QueueSearch.Sort.CREATED,
                            false,
                            search.page(),
                            search.size()))
                    .rows();
            return new Page<>(
                    rows.items().stream().map(QueueRow::id).toList(),
                    rows.totalItems(),
                    rows.page(),
                    rows.size(),
                    rows.totalExact());
        }
        if (requesterId != null && !requesterId.equals(currentUser.get().getId())) {
            return new Page<>(List.of(), 0, search.page(), search.size());
        }
        Page<TicketSummary> mine = myTickets(search);
        return new Page<>(
                mine.items().stream().map(TicketSummary::id).toList(),
                mine.totalItems(),
                mine.page(),
                mine.size(),
                mine.totalExact());
    }

    /**
     * The caller's own requests, newest first, filtered and paged in the database on the index
     * (requester, status, created). Staff see their own here too; their queue is elsewhere. The
     * total is exact, except for a text search: a common word matches a share of every request a
     * busy requester ever filed, so its matches are counted up to {@link Limits#COUNT_CAP} in the
     * page's order (the index walk stops there) and the page says "more than" beyond.
     */
    public Page<TicketSummary> myTickets(TicketSearch search) {
        StringBuilder where = new StringBuilder(" WHERE t.requester.id = :callerId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("callerId", currentUser.get().getId());
        if (search.status() != null) {
            where.append(" AND t.status = :status");
            parameters.put("status", search.status());
        }
        if (search.text() != null) {
            where.append(" AND ").append(TextSearch.condition(em, search.text(), false, parameters));
        }
        TypedQuery<Long> count = search.text() == null
                ? em.createQuery("SELECT COUNT(t) FROM Ticket t" + where, Long.class)
                : em.createQuery(
                                "SELECT t.id FROM Ticket t" + where + " ORDER BY t.createdAt DESC, t.id DESC",
                                Long.class)
                        .setMaxResults(Limits.COUNT_CAP + 1);
        TypedQuery<TicketSummary> rows = em.createQuery(
                "SELECT NEW org.helpdesk.ticket.TicketSummary(t.id, t.subject, "
                        + "t.status, t.urgency, l.name, t.createdAt, t.updatedAt) FROM Ticket t JOIN t.location l"
                        + where
                        + " ORDER BY t.createdAt DESC, t.id DESC",
                TicketSummary.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            rows.setParameter(name, value);
        });
        List<TicketSummary> items = rows.setFirstResult(search.firstResult())
                .setMaxResults(search.size() + 1)
                .getResultList();
        boolean more = items.size() > search.size();
        List<TicketSummary> shown = more ? items.subList(0, search.size()) : items;
        if (search.text() == null) {
            return new Page<>(shown, count.getSingleResult(), search.page(), search.size());
        }
        long matches = count.getResultList().size();
        if (matches <= Limits.COUNT_CAP) {
            return new Page<>(shown, matches, search.page(), search.size());
        }
        long seen = (long) search.firstResult() + shown.size() + (more ? 1 : 0);
        return new Page<>(shown, Math.max(Limits.COUNT_CAP, seen), search.page(), search.size(), false);
    }

    /**
     * The tickets with the given ids that the caller may see (Rule 2), without their threads, in
     * the order of the ids; ids the caller may not see are left out. One query for a whole page: a
     * client that lists tickets with all their fields first pages the ids with {@link #myTickets}
     * or the staff queue, then reads them here, so that those lists keep the projections their
     * indexes serve.
     */
    public List<TicketOverview> overviews(List<Long> ids) {
        if (ids.size() > Limits.PAGE_SIZE_MAX) {
            throw new InvalidInputException("ids", RefusalMessage.of("tickets.tooMany", Limits.PAGE_SIZE_MAX));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        User caller = currentUser.get();
        Map<Long, TicketOverview> visible = em.createQuery(
                        "SELECT t FROM Ticket t JOIN FETCH t.location "
                                + "JOIN FETCH t.requester LEFT JOIN FETCH t.assignee LEFT JOIN FETCH t.category "
                                + "WHERE t.id IN :ids AND " + access.visibleCondition(),
                        Ticket.class)
                .setParameter("ids", ids)
                .setParameter("callerId", caller.getId())
                .getResultStream()
                .map(ticket -> TicketViews.overview(ticket, caller, access.staffPowersOn(ticket, caller)))
                .collect(Collectors.toMap(TicketOverview::id, overview -> overview));
        return ids.stream().filter(visible::containsKey).map(visible::get).toList();
    }

    /**
     * Files a new request (Rule 3) at one of the caller's locations, always open (Rule 4), with at
     * most 5 files of at most 10 MB (Rule 5). Any refusal stores nothing.
     */
    public long submit(NewTicket request, List<IncomingFile> files) {
        requireValid(request);
        attachments.checkCount(files);
        User requester = currentUser.get();
        Location location = requester.getLocations().stream()
                .filter(own -> own.getId().equals(request.locationId()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "locationId",
                        requester.getLocations().isEmpty()
                                ? RefusalMessage.of("ticket.location.none")
                                : RefusalMessage.of("ticket.location.notYours")));
        Instant now = now();
        Ticket ticket = new Ticket(
                requester,
                location,
                request.subject().strip(),
                request.details().strip(),
                request.urgency(),
                now);
        sla.startClocks(ticket);
        em.persist(ticket);
        notifications.filed(ticket);
        attachments.storeAll(ticket, null, requester, files, now);
        return ticket.getId();
    }

    /** The ticket with its thread, files and history, as the caller may see them. */
    public TicketDetails view(long id) {
        User caller = currentUser.get();
        Ticket ticket = access.visibleTicket(id, caller);
        boolean staff = access.staffPowersOn(ticket, caller);
        List<TicketMessage> messages = em.createQuery(
                        "SELECT m FROM TicketMessage m JOIN FETCH m.author "
                                + "WHERE m.ticket.id = :id" + (staff ? "" : " AND m.internal = FALSE")
                                + " ORDER BY m.createdAt, m.id",
                        TicketMessage.class)
                .setParameter("id", id)
                .getResultList();
        TypedQuery<TicketEvent> eventsQuery = em.createQuery(
                        "SELECT e FROM TicketEvent e LEFT JOIN FETCH e.actor "
                                + "WHERE e.ticket.id = :id"
                                // the SLA's breaches are the desk's business, like its targets
                                + (staff ? "" : " AND e.type <> :breach")
                                + " ORDER BY e.occurredAt, e.id",
                        TicketEvent.class)
                .setParameter("id", id);
        if (!staff) {
            eventsQuery.setParameter("breach", EventType.SLA_BREACHED);
        }
        List<TicketEvent> events = eventsQuery.getResultList();
        List<Attachment> files = em.createQuery(
                        "SELECT a FROM Attachment a LEFT JOIN a.message m "
                                + "WHERE a.ticket.id = :id" + (staff ? "" : " AND (m IS NULL OR m.internal = FALSE)")
                                + " ORDER BY a.id",
                        Attachment.class)
                .setParameter("id", id)
                .getResultList();
        return TicketViews.details(ticket, caller, staff, messages, events, files);
    }

    /**
     * Adds the caller's response, with up to 5 files, to the thread. Staff answering an open ticket
     * put it in progress (Rule 8); a requester answering a resolved ticket reopens it; a closed
     * ticket takes no response.
     */
    public void respond(long id, String text, List<IncomingFile> files) {
        respond(id, null, text, files);
    }

    /**
     * {@link #respond(long, String, List)}, refused with {@link ConcurrentChangeException} when the
     * ticket is no longer at {@code expectedVersion} (the version the caller saw; {@code null}: any),
     * compared in the same transaction as the write.
     */
    public void respond(long id, Long expectedVersion, String text, List<IncomingFile> files) {
        requireVersion(access, currentUser.get(), id, expectedVersion);
        String body = requireText("text", text, "response.required");
        attachments.checkCount(files);
        User caller = currentUser.get();
        Ticket ticket = access.visibleTicket(id, caller);
        Instant now = now();
        Status before = ticket.getStatus();
        TicketMessage message = ticket.respond(caller, access.staffPowersOn(ticket, caller), body, now);
        sla.follow(ticket, now);
        flushOrReportConflict(em);
        notifications.responded(ticket, message, before);
        attachments.storeAll(ticket, message, caller, files, now);
    }

    /**
     * The requester's edit of subject and details, recorded in the history with the old and the
     * new text; a {@code null} subject or details keeps its value. Refused when someone changed the
     * ticket since the caller loaded version {@code expectedVersion} ({@code null}: the ticket as it
     * is), compared in this transaction: nothing is overwritten unseen.
     */
    public void updateRequest(long id, Long expectedVersion, String subject, String details) {
        User caller = currentUser.get();
        Ticket ticket = access.visibleTicket(id, caller);
        if (!ticket.isRequestedBy(caller)) {
            throw new ForbiddenException(RefusalMessage.of("ticket.text.requesterOnly"));
        }
        if (expectedVersion != null && ticket.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        String newSubject = subject == null ? ticket.getSubject() : subject;
        String newDetails = details == null ? ticket.getDetails() : details;
        Map<String, RefusalMessage> errors = new TreeMap<>();
        errors.putAll(violations(validator.validateValue(NewTicket.class, "subject", newSubject)));
        errors.putAll(violations(validator.validateValue(NewTicket.class, "details", newDetails)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StorableText.require("subject", newSubject);
        StorableText.require("details", newDetails);
        ticket.updateRequest(caller, newSubject.strip(), newDetails.strip(), now());
        flushOrReportConflict(em);
    }

    private void requireValid(NewTicket request) {
        if (request == null) {
            throw new InvalidInputException("request", RefusalMessage.of("ticket.empty"));
        }
        StorableText.require("subject", request.subject());
        StorableText.require("details", request.details());
        Map<String, RefusalMessage> errors = violations(validator.validate(request));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Refuses a write to a ticket that has changed since the caller saw {@code expectedVersion}. */
    static void requireVersion(TicketAccess access, User caller, long id, Long expectedVersion) {
        if (expectedVersion != null && access.visibleTicket(id, caller).getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
    }

    static String requireText(String field, String text, String keyWhenMissing) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, RefusalMessage.of(keyWhenMissing));
        }
        String stripped = StorableText.require(field, text.strip());
        if (stripped.length() > Limits.TEXT) {
            throw new InvalidInputException(field, RefusalMessage.of("text.tooLong", Limits.TEXT));
        }
        return stripped;
    }

    private static <T> Map<String, RefusalMessage> violations(Set<ConstraintViolation<T>> violations) {
        return violations.stream()
                .collect(Collectors.toMap(
                        v -> v.getPropertyPath().toString(),
                        RefusalMessage::of,
                        (first, second) -> first,
                        TreeMap::new));
    }

    /** Writes now, so that a concurrent change is reported as such rather than at commit. */
    static void flushOrReportConflict(EntityManager em) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException();
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
