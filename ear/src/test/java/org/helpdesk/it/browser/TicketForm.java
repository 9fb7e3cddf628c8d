package org.helpdesk.it.browser;

import java.nio.file.Path;

/** The Get Support form, /tickets/add. */
final class TicketForm {

    static final String SUBJECT = "ticket:subject";
    static final String DETAILS = "ticket:details";
    static final String URGENCY = "ticket:urgency";
    static final String LOCATION = "ticket:location";
    static final String ATTACHMENTS = "ticket:attachments";
    static final String SUBMIT = "ticket:submit";
    static final String NO_LOCATION_WARNING = "noLocation";

    private final Browser browser;

    private TicketForm(Browser browser) {
        this.browser = browser;
    }

    static TicketForm open(Browser browser) {
        browser.open("/tickets/add");
        return new TicketForm(browser);
    }

    TicketForm fill(String subject, String details, String urgency, String location) {
        browser.type(SUBJECT, subject).type(DETAILS, details).choose(URGENCY, urgency).choose(LOCATION, location);
        return this;
    }

    TicketForm attach(Path... files) {
        browser.attach(ATTACHMENTS, files);
        return this;
    }

    /** Submits; on success the browser shows the new ticket's page. */
    TicketThread submit() {
        browser.submit(SUBMIT);
        return new TicketThread(browser);
    }
}
