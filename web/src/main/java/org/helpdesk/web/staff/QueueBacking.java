package org.helpdesk.web.staff;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.StorableText;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.directory.Profile;
import org.helpdesk.directory.ProfileService;
import org.helpdesk.ticket.QueuePage;
import org.helpdesk.ticket.QueueSearch;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketQueue;
import org.helpdesk.ticket.Urgency;
import org.helpdesk.web.PageMessages;
import org.helpdesk.web.UrlParameters;

/**
 * Backs staff/queue.xhtml. Every filter, the order and the page live in the URL, so a filtered
 * queue can be bookmarked and shared; malformed values fall back to "any", and a filter the queue
 * refuses is shown as a message above the unfiltered queue.
 */
@Named
@RequestScoped
public class QueueBacking {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);

    @Inject
    private TicketQueue queue;

    @Inject
    private ProfileService profiles;

    @Inject
    private CategoryService categories;

    private String status;
    private String location;
    private String assignee;
    private String category;
    private String urgency;
    private String q;
    private String due;
    private String sort;
    private String dir;
    private String page;
    private String size;

    private QueueSearch search;
    private QueuePage result;
    private List<Profile.LocationView> locations;

    public void load() {
        Status wantedStatus = Status.fromCode(status).orElse(null);
        Urgency wantedUrgency = Urgency.fromCode(urgency).orElse(null);
        status = wantedStatus == null ? null : wantedStatus.code();
        urgency = wantedUrgency == null ? null : wantedUrgency.code();
        QueueSearch.Due wantedDue = QueueSearch.Due.fromCode(due).orElse(null);
        due = wantedDue == null ? null : wantedDue.code();
        QueueSearch.Sort order = sortOf(sort);
        sort = order.name().toLowerCase(Locale.ROOT);
        dir = "asc".equals(dir) ? "asc" : "desc";
        int pageSize =
                PAGE_SIZES.contains(UrlParameters.intOr(size, 0)) ? UrlParameters.intOr(size, 0) : PAGE_SIZES.get(0);
        int pageNumber = Math.max(UrlParameters.intOr(page, 1), 1);
        Long locationId = UrlParameters.idOrNull(location);
        Long categoryId = UrlParameters.idOrNull(category);
        location = locationId == null ? null : locationId.toString();
        category = categoryId == null ? null : categoryId.toString();
        size = String.valueOf(pageSize);
        page = String.valueOf(pageNumber);
        if (assignee != null && !QueueSearch.isAssignee(assignee)) {
            assignee = null;
        }
        locations = profiles.me().locations();
        if (!StorableText.isStorable(q)) {
            q = null;
        }
        try {
            search = new QueueSearch(
                    wantedStatus,
                    locationId,
                    assignee,
                    categoryId,
                    wantedUrgency,
                    q,
                    null,
                    wantedDue,
                    order,
                    "asc".equals(dir),
                    pageNumber,
                    pageSize);
            result = queue.search(search);
        } catch (BusinessException malformed) {
            PageMessages.showAt(malformed, null);
            search = new QueueSearch(null, null, null, null, null, null, null, null, false, 1, pageSize);
            result = queue.search(search);
        }
    }

    private static QueueSearch.Sort sortOf(String value) {
        for (QueueSearch.Sort candidate : QueueSearch.Sort.values()) {
            if (candidate.name().equalsIgnoreCase(value == null ? "" : value)) {
                return candidate;
            }
        }
        return QueueSearch.Sort.CREATED;
    }

    /**
     * The direction a column's header link asks for: the other one if the queue is sorted by it;
     * the due time starts with the soonest (ascending), the others with the newest or highest.
     */
    public String directionFor(String column) {
        if (column.equals(sort)) {
            return "desc".equals(dir) ? "asc" : "desc";
        }
        return "due".equals(column) ? "asc" : "desc";
    }

    /** The page; after a form of the page was posted (the view action runs only on GET), read again. */
    public QueuePage getResult() {
        if (result == null) {
            load();
        }
        return result;
    }

    /** The search this page shows: what its bulk action on "all matching" and its export apply to. */
    public QueueSearch getSearch() {
        if (search == null) {
            load();
        }
        return search;
    }

    /** This queue again, with the same filters, order and page: where a bulk action returns. */
    public String getQueueUrl() {
        return "/staff/queue"
                + QueryString.of(
                        "status",
                        status,
                        "location",
                        location,
                        "assignee",
                        assignee,
                        "category",
                        category,
                        "urgency",
                        urgency,
                        "q",
                        q,
                        "sort",
                        sort,
                        "dir",
                        dir,
                        "page",
                        page,
                        "size",
                        size);
    }

    /** The CSV export of this filter: the API's, which takes the page's session (a GET, no origin check). */
    public String getExportUrl() {
        QueueSearch shown = getSearch();
        return "/api/v1/tickets.csv"
                + QueryString.of(
                        "status", shown.status() == null ? null : shown.status().code(),
                        "locationId", shown.locationId(),
                        "assignee", shown.assignee(),
                        "categoryId", shown.categoryId(),
                        "urgency",
                                shown.urgency() == null ? null : shown.urgency().code(),
                        "q", shown.text());
    }

    public List<Profile.LocationView> getLocations() {
        return locations;
    }

    public List<Category> getCategories() {
        return categories.categories();
    }

    public List<Status> getStatuses() {
        return List.of(Status.values());
    }

    public List<Urgency> getUrgencies() {
        return List.of(Urgency.values());
    }

    public List<QueueSearch.Due> getDueFilters() {
        return List.of(QueueSearch.Due.values());
    }

    public List<Integer> getPageSizes() {
        return PAGE_SIZES;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getDue() {
        return due;
    }

    public void setDue(String due) {
        this.due = due;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }
}
