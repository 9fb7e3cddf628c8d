package org.helpdesk.ticket;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ConflictException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.Page;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/**
 * Staff's bulk triage: one change (assignee, status or category) to many tickets at once. Each
 * ticket is changed by {@link TriageService}, called through the container, so that it passes the
 * same rules as a single change (scope, the version the caller saw, the entity's own history and
 * invariants) in a transaction of its own: a refused ticket leaves nothing half-changed and does
 * not undo the others. This bean itself runs outside any transaction for that reason.
 *
 * <p>Bad input (no action, an unknown assignee or category, no tickets, too many) is refused before
 * any ticket is touched.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkTriage {

    private static final Logger LOG = Logger.getLogger(BulkTriage.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TriageService triage;

    @Inject
    private TicketQueue queue;

    /**
     * The change to the tickets the caller selected, each at the version they saw it. A ticket
     * selected twice is changed once.
     */
    public BulkResult applyToSelected(List<SelectedTicket> selected, BulkChange change) {
        requireValid(change);
        if (selected == null || selected.isEmpty()) {
            throw new InvalidInputException("tickets", RefusalMessage.of("bulk.tickets.none"));
        }
        Map<Long, SelectedTicket> byId = new LinkedHashMap<>();
        selected.forEach(ticket -> byId.putIfAbsent(ticket.id(), ticket));
        if (byId.size() > Limits.BULK_MAX) {
            throw new InvalidInputException("tickets", RefusalMessage.of("bulk.tickets.tooMany", Limits.BULK_MAX));
        }
        return applyToEach(List.copyOf(byId.values()), change);
    }

    /**
     * How many tickets "all matching this filter" would change now, at most {@link Limits#BULK_MAX}
     * (more match where {@link MatchCount#more()}): the count the page shows and must send back.
     */
    public MatchCount countMatching(QueueSearch filter) {
        int found = queue.matching(filter, Limits.BULK_MAX + 1).size();
        return new MatchCount(Math.min(found, Limits.BULK_MAX), found > Limits.BULK_MAX);
    }

    /**
     * The change to every ticket the filter matches under the caller's scope, read again here, at
     * most the first {@link Limits#BULK_MAX} in the queue's order. {@code countShown} is the count
     * the caller was shown ({@link #countMatching}): if the filter now matches a different number,
     * nothing is changed and the caller is told to look again, so that what is applied is what was
     * shown.
     */
    public BulkResult applyToMatching(QueueSearch filter, int countShown, BulkChange change) {
        requireValid(change);
        if (filter == null) {
            throw new InvalidInputException("filter", RefusalMessage.of("bulk.filter.required"));
        }
        List<SelectedTicket> matching = queue.matching(filter, Limits.BULK_MAX + 1);
        if (matching.isEmpty()) {
            throw new InvalidInputException("tickets", RefusalMessage.of("bulk.filter.empty"));
        }
        List<SelectedTicket> applied = matching.subList(0, Math.min(matching.size(), Limits.BULK_MAX));
        if (applied.size() != countShown) {
            throw new ConflictException(RefusalMessage.of(
                    "bulk.filter.changed",
                    Math.min(matching.size(), Limits.BULK_MAX),
                    matching.size() > Limits.BULK_MAX ? 1 : 0,
                    countShown));
        }
        return applyToEach(List.copyOf(applied), change);
    }

    /** The count of "all matching": {@code count} tickets, and whether more match beyond the cap. */
    public record MatchCount(int count, boolean more) implements Serializable {

        /**
         * The count of a page of the queue already read for the same filter: its total counts the
         * same tickets under the same scope (exact, or a lower bound above {@link Limits#COUNT_CAP},
         * which is no less than the bulk cap), so the page shows it without reading the matches
         * again; {@link #applyToMatching} still compares it with the matches it reads.
         */
        public static MatchCount of(Page<?> queuePage) {
            return new MatchCount(
                    (int) Math.min(queuePage.totalItems(), Limits.BULK_MAX), queuePage.totalItems() > Limits.BULK_MAX);
        }
    }

    private BulkResult applyToEach(List<SelectedTicket> tickets, BulkChange change) {
        int changed = 0;
        List<BulkResult.Refusal> refused = new ArrayList<>();
        for (SelectedTicket ticket : tickets) {
            BulkResult.Refusal refusal = applyTo(ticket, change);
            if (refusal == null) {
                changed++;
            } else {
                refused.add(refusal);
            }
        }
        return new BulkResult(changed, refused);
    }

    /** One ticket, in its own transaction (TriageService's); its refusal, or {@code null} if changed. */
    private BulkResult.Refusal applyTo(SelectedTicket ticket, BulkChange change) {
        try {
            switch (change.field()) {
                case ASSIGNEE -> triage.assign(ticket.id(), ticket.version(), change.assigneeId());
                case STATUS -> triage.changeStatus(ticket.id(), ticket.version(), change.status());
                case CATEGORY -> triage.categorise(ticket.id(), ticket.version(), change.categoryId());
            }
            return null;
        } catch (ConcurrentChangeException changedMeanwhile) {
            return refusal(ticket, BulkResult.Reason.CHANGED_MEANWHILE, changedMeanwhile.getMessage());
        } catch (NotFoundException notFound) {
            return refusal(ticket, BulkResult.Reason.NOT_FOUND, notFound.getMessage());
        } catch (ForbiddenException onlyTheRequester) {
            return refusal(ticket, BulkResult.Reason.OUT_OF_SCOPE, onlyTheRequester.getMessage());
        } catch (InvalidInputException | ConflictException refusedByRule) {
            return refusal(ticket, BulkResult.Reason.REFUSED, refusedByRule.getMessage());
        } catch (EJBAccessException denied) {
            throw denied;
        } catch (EJBException failed) {
            if (causedByOptimisticLock(failed)) {
                return refusal(
                        ticket, BulkResult.Reason.CHANGED_MEANWHILE, new ConcurrentChangeException().getMessage());
            }
            // One ticket's failure must not hide what happened to the others: it is reported, and logged.
            LOG.log(Level.WARNING, "Bulk change of ticket " + ticket.id() + " failed", failed);
            return refusal(
                    ticket,
                    BulkResult.Reason.REFUSED,
                    "It could not be changed because of an error on the server. Try it on its own.");
        }
    }

    private static BulkResult.Refusal refusal(SelectedTicket ticket, BulkResult.Reason reason, String message) {
        return new BulkResult.Refusal(ticket.id(), reason, message);
    }

    private static boolean causedByOptimisticLock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The change names an action and, for it, a value that exists for the caller's locations. */
    private void requireValid(BulkChange change) {
        if (change == null || change.field() == null) {
            throw new InvalidInputException("action", RefusalMessage.of("bulk.action.required"));
        }
        switch (change.field()) {
            case STATUS -> {
                if (change.status() == null) {
                    throw new InvalidInputException("status", RefusalMessage.of("ticket.status.required"));
                }
            }
            case ASSIGNEE -> {
                if (change.assigneeId() != null && !isStaffAtCallersLocations(change.assigneeId())) {
                    throw new InvalidInputException("assigneeId", RefusalMessage.of("bulk.assignee.outOfScope"));
                }
            }
            case CATEGORY -> {
                if (change.categoryId() != null) {
                    Category category = em.find(Category.class, change.categoryId());
                    if (category == null || !category.isActive()) {
                        throw new InvalidInputException("categoryId", RefusalMessage.of("ticket.category.inactive"));
                    }
                }
            }
        }
    }

    /**
     * The staff members a bulk action may assign to: the active staff at any of the caller's
     * locations, by display name. Each ticket still takes only staff of its own location.
     */
    public List<TicketDetails.Person> assignableStaff() {
        return staffAtCallersLocations(null).stream().map(TicketViews::person).toList();
    }

    private boolean isStaffAtCallersLocations(long userId) {
        return !staffAtCallersLocations(userId).isEmpty();
    }

    /** The active staff at the caller's locations; only {@code userId} if given. */
    private List<User> staffAtCallersLocations(Long userId) {
        Set<String> staffGroups = GroupPermissions.groupsGranting(Permissions.MANAGE_TICKETS);
        List<Long> scope =
                currentUser.get().getLocations().stream().map(Location::getId).toList();
        if (staffGroups.isEmpty() || scope.isEmpty()) {
            return List.of();
        }
        TypedQuery<User> staff = em.createQuery(
                        "SELECT DISTINCT u FROM User u JOIN u.locations l JOIN u.groups g "
                                + "WHERE l.id IN :scope AND g IN :groups AND u.active = TRUE"
                                + (userId == null ? "" : " AND u.id = :userId")
                                + " ORDER BY u.displayName",
                        User.class)
                .setParameter("scope", scope)
                .setParameter("groups", staffGroups);
        if (userId != null) {
            staff.setParameter("userId", userId);
        }
        return staff.getResultList();
    }
}
