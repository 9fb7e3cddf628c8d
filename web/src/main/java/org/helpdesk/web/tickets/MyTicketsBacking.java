package org.helpdesk.web.tickets;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.Page;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketSearch;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TicketSummary;

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
    private int page = 1;
    private int size = 10;

    private Page<TicketSummary> result;

    /** Loads the page the URL asks for; anything malformed in the URL falls back to the defaults. */
    public void load() {
        Status wanted = Status.fromCode(status).orElse(null);
        status = wanted == null ? null : wanted.code();
        size = PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
        page = Math.max(page, 1);
        result = tickets.myTickets(new TicketSearch(q, wanted, page, size));
        if (result.totalPages() > 0 && page > result.totalPages()) {
            page = (int) result.totalPages();
            result = tickets.myTickets(new TicketSearch(q, wanted, page, size));
        }
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

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }
}
