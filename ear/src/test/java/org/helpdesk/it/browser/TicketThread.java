package org.helpdesk.it.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A support request's page, /tickets/view/{id}: banner, request, conversation and the forms below. */
final class TicketThread {

    private final Browser browser;

    TicketThread(Browser browser) {
        this.browser = browser;
    }

    static TicketThread open(Browser browser, long id) {
        browser.open("/tickets/view/" + id);
        return new TicketThread(browser);
    }

    long id() {
        String path = browser.path();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    /** The badge in the banner: the status' name. */
    String status() {
        return browser.find("banner").findElement(By.className("hd-status")).getText();
    }

    String subject() {
        return browser.text("requestHeading");
    }

    /** The conversation: each message and each history event, as shown, in order. */
    List<String> conversation() {
        return browser.findAll(".hd-thread > li").stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The messages the conversation marks as internal notes. */
    List<String> internalNotes() {
        return browser.findAll(".hd-thread > li.hd-message-internal").stream()
                .map(WebElement::getText)
                .toList();
    }

    List<String> fileNames() {
        return browser.findAll(".hd-files a").stream().map(WebElement::getText).toList();
    }

    /** The message at the top of the page ("Your response was added."). */
    String confirmation() {
        return browser.text("globalMessages");
    }

    /** Opens every "Show the change" of the history, so that the before and after texts show. */
    TicketThread showChanges() {
        browser.findAll(".hd-change:not([open]) > summary").forEach(WebElement::click);
        return this;
    }

    TicketThread respond(String text) {
        browser.type("respond:text", text).submit("respond:send");
        return this;
    }

    /** Staff: chooses a canned response above Add Your Response and inserts it into the text. */
    TicketThread insertCannedResponse(String menuLabel) {
        browser.choose("respond:responseTemplate", menuLabel).submitInPlace("respond:responseTemplateInsert");
        return this;
    }

    /** The text of Add Your Response as it stands in the field. */
    String responseText() {
        return browser.find("respond:text").getDomProperty("value");
    }

    TicketThread updateRequest(String subject, String details) {
        browser.type("update:subject", subject).type("update:details", details).submit("update:save");
        return this;
    }

    /** Staff: saves the triage panel with the given choices (null leaves a menu as it is). */
    TicketThread triage(String status, String assignee, String category) {
        if (status != null) {
            browser.choose("triage:status", status);
        }
        if (assignee != null) {
            browser.choose("triage:assignee", assignee);
        }
        if (category != null) {
            browser.choose("triage:category", category);
        }
        browser.submit("triage:saveTriage");
        return this;
    }

    /** Staff: adds an internal note. */
    TicketThread addNote(String text) {
        browser.type("note:noteText", text).submit("note:addNote");
        return this;
    }

    boolean hasStaffPanel() {
        return browser.isShown("triage");
    }
}
