package org.helpdesk.web.tickets;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.Page;
import org.helpdesk.common.StorableText;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketSearch;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TicketSummary;
import org.helpdesk.web.UrlParameters;

/**
 * Backs my-tickets.xhtml. The search lives in the URL (q, status, page, size), so the back button
 * and a shared link show the same list; the database filters, counts and cuts the page.
 */
@Named
@RequestScoped
public class MyTicketsBacking {

    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50);

    @Inject
    private TicketService tickets;

    private String q;
    private String status;
    private String page;
    private String size;

    private Page<TicketSummary> result;

    /** Loads the page the URL asks for; anything malformed in the URL falls back to the defaults. */
    public void load() {
        Status wanted = Status.fromCode(status).orElse(null);
        status = wanted == null ? null : wanted.code();
        int pageSize =
                PAGE_SIZES.contains(UrlParameters.intOr(size, 0)) ? UrlParameters.intOr(size, 0) : PAGE_SIZES.get(0);
        int pageNumber = Math.max(UrlParameters.intOr(page, 1), 1);
        if (!StorableText.isStorable(q)) {
            q = null;
        }
        result = tickets.myTickets(new TicketSearch(q, wanted, pageNumber, pageSize));
        if (result.totalPages() > 0 && pageNumber > result.totalPages()) {
            pageNumber = (int) result.totalPages();
            if (!StorableText.isStorable(q)) {
                q = null;
            }
            result = tickets.myTickets(new TicketSearch(q, wanted, pageNumber, pageSize));
        }
        page = String.valueOf(pageNumber);
        size = String.valueOf(pageSize);
    }

    public Page<TicketSummary> getResult() {
        return result;
    }

    public List<Status> getStatuses() {
        return List.of(Status.values());
    }

    public List<Integer> getPageSizes() {
        return PAGE_SIZES;
    }

    public boolean isFiltered() {
        return (q != null && !q.isBlank()) || status != null;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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
