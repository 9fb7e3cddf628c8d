package org.helpdesk.it.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** My Support Requests, /tickets/my-tickets: the search form and the list. */
final class MyTickets {

    private final Browser browser;

    private MyTickets(Browser browser) {
        this.browser = browser;
    }

    static MyTickets open(Browser browser) {
        browser.open("/tickets/my-tickets");
        return new MyTickets(browser);
    }

    /** Searches as a person does: types the words, picks a status ("All statuses" for any), presses Search. */
    MyTickets search(String words, String status) {
        browser.type("q", words).select("status", status).submit("searchButton");
        return this;
    }

    /** The listed requests, newest first. */
    List<Row> rows() {
        return browser.findAll("[id='tickets'] tbody tr:not(.ui-datatable-empty-message)").stream()
                .map(Row::of)
                .toList();
    }

    /** Opens a listed request by its "View Details" link. */
    TicketThread viewDetails(long id) {
        browser.followLink("a.hd-view-link[href$='/tickets/view/" + id + "']");
        return new TicketThread(browser);
    }

    /** One row of the list as shown: the id, the subject and the status badge's words. */
    record Row(long id, String subject, String status) {

        static Row of(WebElement row) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            return new Row(
                    Long.parseLong(cells.get(0).getText().replace("#", "").strip()),
                    cells.get(1).getText(),
                    cells.get(2).getText());
        }
    }
}
