package org.helpdesk.web.staff;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.dashboard.Dashboard;
import org.helpdesk.dashboard.DashboardFigures;
import org.helpdesk.ticket.Status;
import org.helpdesk.web.PageMessages;

/**
 * Backs staff/dashboard.xhtml: the caller's figures, read once per request, as tables and as the
 * same numbers in charts.
 */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    private Dashboard dashboard;

    private DashboardFigures figures;

    public DashboardFigures getFigures() {
        if (figures == null) {
            figures = dashboard.figures();
        }
        return figures;
    }

    public List<Status> getStatuses() {
        return List.of(Status.values());
    }

    public long totalAt(DashboardFigures.LocationCounts location) {
        return location.byStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    public String getTicketsByLocationChart() {
        return DashboardCharts.ticketsByLocation(
                getFigures().ticketsByLocation(), status -> PageMessages.text("status." + status.code()));
    }

    public String getWeeksChart() {
        return DashboardCharts.weeks(
                getFigures().weeks(), PageMessages.text("dashboard.created"), PageMessages.text("dashboard.resolved"));
    }
}
