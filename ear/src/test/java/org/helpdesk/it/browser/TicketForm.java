package org.helpdesk.it.browser;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.openqa.selenium.WebElement;

/** The Get Support form, /tickets/add. */
final class TicketForm {

    static final String SUBJECT = "ticket:subject";
    static final String DETAILS = "ticket:details";
    static final String URGENCY = "ticket:urgency";
    static final String LOCATION = "ticket:location";
    static final String ATTACHMENTS = "ticket:attachments";
    /** Where the upload tells how far it is, and why it refused files chosen or could not send them. */
    static final String UPLOAD_STATUS = "#ticket .hd-upload-status";

    static final String UPLOAD_ERROR = "#ticket .hd-upload-error";
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
        browser.type(SUBJECT, subject)
                .type(DETAILS, details)
                .choose(URGENCY, urgency)
                .choose(LOCATION, location);
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

    /** Submits a form that the server refuses: the same page, with its messages. */
    TicketForm submitRefused() {
        browser.submitInPlace(SUBMIT);
        return this;
    }

    /** What the form's messages say, at the fields and the top of the page. */
    String messages() {
        return browser.findAll(".ui-message, #globalMessages").stream()
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("\n"));
    }

    String uploadError() {
        return browser.findAll(UPLOAD_ERROR).get(0).getText();
    }
}
