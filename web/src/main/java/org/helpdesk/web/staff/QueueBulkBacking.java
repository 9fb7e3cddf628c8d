package org.helpdesk.web.staff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.Limits;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.ticket.BulkChange;
import org.helpdesk.ticket.BulkResult;
import org.helpdesk.ticket.BulkTriage;
import org.helpdesk.ticket.SelectedTicket;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.web.PageMessages;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Backs the bulk form of staff/queue.xhtml: one change (assignee, status or category) to the
 * tickets ticked on this page, each at the version the page showed, or to all the tickets matching
 * the queue's filter (the count the page showed, which {@link BulkTriage} checks again). It
 * translates only: which tickets change, and why others do not, is {@link BulkTriage}'s.
 */
@Named
@RequestScoped
public class QueueBulkBacking {

    static final String SELECTED = "selected";
    static final String MATCHING = "matching";

    /* The form's fields are plain HTML inputs read from the request, so that the EJB sees what
    was sent and refuses what it must (no action, an unknown assignee or category) in its words. */
    static final String TICKET_PARAMETER = "ticket";
    static final String SCOPE_PARAMETER = "bulkScope";
    static final String CHANGE_PARAMETER = "bulkChange";
    static final String COUNT_PARAMETER = "bulkCount";

    @Inject
    private QueueBacking queue;

    @Inject
    private BulkTriage bulk;

    @Inject
    private CategoryService categories;

    private BulkTriage.MatchCount matchCount;
    private List<ChangeGroup> changes;

    /** One group of the change menu and its options (value as {@link BulkChanges} writes it). */
    public record ChangeGroup(String label, List<ChangeOption> options) {}

    public record ChangeOption(String value, String label) {}

    public void apply() throws IOException {
        // The table may have read the queue while the form was decoded, before the view parameters
        // (the filter) were applied: read it again, now with the filter the page showed.
        queue.load();
        try {
            BulkChange wanted = BulkChanges.parse(getChange());
            BulkResult result = isMatchingScope()
                    ? bulk.applyToMatching(queue.getSearch(), countShown(), wanted)
                    : bulk.applyToSelected(tickedTickets(), wanted);
            showAfterRedirect(result);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, null);
        }
    }

    private static int countShown() {
        String count = Faces.getRequestParameter(COUNT_PARAMETER);
        return count != null && count.matches("\\d{1,4}") ? Integer.parseInt(count) : 0;
    }

    private static List<SelectedTicket> tickedTickets() {
        String[] ticked = Faces.getRequestParameterValuesMap().get(TICKET_PARAMETER);
        List<SelectedTicket> tickets = new ArrayList<>();
        if (ticked != null) {
            for (String value : ticked) {
                BulkChanges.selectedTicket(value).ifPresent(tickets::add);
            }
        }
        return tickets;
    }

    /** Whether the row was ticked in the form just sent (a refused form keeps its ticks). */
    public boolean isTicked(long ticketId) {
        return tickedTickets().stream().anyMatch(ticket -> ticket.id() == ticketId);
    }

    public boolean isMatchingScope() {
        return MATCHING.equals(Faces.getRequestParameter(SCOPE_PARAMETER));
    }

    /** The change the form just sent, if any: the menu keeps it after a refusal. */
    public String getChange() {
        return Faces.getRequestParameter(CHANGE_PARAMETER);
    }

    /** Post/redirect/get: the queue again with its filters, and what the action did as messages. */
    private void showAfterRedirect(BulkResult result) throws IOException {
        Faces.getFlash().setKeepMessages(true);
        Messages.addFlashGlobalInfo(PageMessages.text("bulk.changed", result.changed()));
        if (!result.refused().isEmpty()) {
            Messages.addFlashGlobalWarn(
                    PageMessages.text("bulk.refused", result.refused().size()));
            for (BulkResult.Refusal refusal : result.refused()) {
                Messages.addFlashGlobalWarn(PageMessages.text(
                        "bulk.refusal",
                        refusal.ticketId(),
                        PageMessages.text("bulk.reason." + refusal.reason()),
                        refusal.message()));
            }
        }
        Faces.redirect(Faces.getRequestContextPath() + queue.getQueueUrl());
    }

    /** The choices of the one change menu, grouped: assign to, set the status, set the category. */
    public List<ChangeGroup> getChanges() {
        if (changes == null) {
            List<ChangeOption> assignees = new ArrayList<>();
            assignees.add(new ChangeOption(BulkChanges.UNASSIGN, PageMessages.text("bulk.unassign")));
            for (TicketDetails.Person person : bulk.assignableStaff()) {
                assignees.add(new ChangeOption(BulkChanges.assign(person.id()), person.displayName()));
            }
            List<ChangeOption> statuses = new ArrayList<>();
            for (Status status : Status.values()) {
                statuses.add(
                        new ChangeOption(BulkChanges.status(status), PageMessages.text("status." + status.code())));
            }
            List<ChangeOption> categoryOptions = new ArrayList<>();
            categoryOptions.add(new ChangeOption(BulkChanges.NO_CATEGORY, PageMessages.text("view.noCategory")));
            for (Category category : categories.categories()) {
                if (category.isActive()) {
                    categoryOptions.add(new ChangeOption(BulkChanges.categorise(category.getId()), category.getName()));
                }
            }
            changes = List.of(
                    new ChangeGroup(PageMessages.text("bulk.assignTo"), assignees),
                    new ChangeGroup(PageMessages.text("bulk.setStatus"), statuses),
                    new ChangeGroup(PageMessages.text("bulk.setCategory"), categoryOptions));
        }
        return changes;
    }

    /**
     * How many tickets "all matching" changes now, as the page shows and sends back: the total of
     * the queue page the table shows, so that the matches are not read a second time per page.
     */
    public BulkTriage.MatchCount getMatchCount() {
        if (matchCount == null) {
            matchCount = BulkTriage.MatchCount.of(queue.getResult().rows());
        }
        return matchCount;
    }

    public int getBulkMax() {
        return Limits.BULK_MAX;
    }
}
