package org.helpdesk.web.tickets;

import java.io.IOException;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.web.PageMessages;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFiles;

/**
 * Backs view.xhtml, Support Request #id: the ticket as the caller may see it, the conversation,
 * and the requester's forms (respond, update the request). A ticket the caller may not see is a
 * 404, like one that does not exist.
 */
@Named
@ViewScoped
public class ViewTicketBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> RESPONSE_FIELDS = Map.of(
            "text", "respond:text",
            "attachments", "respond:attachments");

    private static final Map<String, String> UPDATE_FIELDS = Map.of(
            "subject", "update:subject",
            "details", "update:details");

    @Inject
    @Param(pathIndex = 0)
    private String idParameter;

    @Inject
    private TicketService tickets;

    /*
     * What the view scope keeps, and a cluster replicates: the ticket's id and the version the user
     * saw, besides what they typed. The ticket itself is read per request (a page that another node
     * restored after a failover reads it again), so the session stays small and never stale.
     */
    private Long ticketId;
    private transient TicketDetails ticket;
    private transient List<ThreadItem> thread;

    private String responseText;
    private transient UploadedFiles responseFiles;
    private String newSubject;
    private String newDetails;
    private long loadedVersion;

    @PostConstruct
    void load() {
        refresh();
        if (ticket != null) {
            newSubject = ticket.subject();
            newDetails = ticket.details();
        }
    }

    /**
     * Reads the ticket as it is now. After a refused concurrent change the page shows the new state
     * this way, while the forms keep what the user typed.
     */
    void refresh() {
        try {
            show(tickets.view(Long.parseLong(idParameter)));
        } catch (NumberFormatException | NotFoundException notVisible) {
            ticketId = null;
            ticket = null;
            return;
        }
        loadedVersion = ticket.version();
    }

    private void show(TicketDetails details) {
        ticket = details;
        ticketId = details.id();
        thread = Stream.concat(
                        ticket.messages().stream().map(message -> new ThreadItem(message.createdAt(), message, null)),
                        ticket.history().stream().map(event -> new ThreadItem(event.at(), null, event)))
                .sorted(Comparator.comparing(ThreadItem::at))
                .toList();
    }

    /**
     * The ticket as this request sees it: read again when the view was restored without it (on
     * another node, or after the session was passivated), keeping the version the user saw.
     */
    private TicketDetails ticket() {
        if (ticket == null && ticketId != null) {
            show(tickets.view(ticketId));
        }
        return ticket;
    }

    /** Sends a 404 (the not-found page) when there is no ticket the caller may see. */
    public void requireTicket() throws IOException {
        if (ticketId == null) {
            Faces.responseSendError(404, "Ticket not found");
        }
    }

    public void respond() throws IOException {
        try {
            tickets.respond(ticketId, responseText, Uploads.of(responseFiles));
            reloadWith(PageMessages.text("view.responded"));
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, RESPONSE_FIELDS);
        }
    }

    public void updateRequest() throws IOException {
        try {
            tickets.updateRequest(ticketId, loadedVersion, newSubject, newDetails);
            reloadWith(PageMessages.text("view.updated"));
        } catch (ConcurrentChangeException changedMeanwhile) {
            PageMessages.show(changedMeanwhile, UPDATE_FIELDS);
            refresh();
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, UPDATE_FIELDS);
        }
    }

    /** Post/redirect/get: the page again, freshly loaded, with a confirmation. */
    void reloadWith(String confirmation) throws IOException {
        Faces.getExternalContext().getFlash().setKeepMessages(true);
        Messages.addFlashGlobalInfo(confirmation);
        Faces.getExternalContext()
                .redirect(Faces.getExternalContext().getRequestContextPath() + "/tickets/view/" + ticketId);
    }

    /** The version of the ticket this page shows, that every change from it is checked against. */
    long loadedVersion() {
        return loadedVersion;
    }

    public TicketDetails getTicket() {
        return ticket();
    }

    public List<ThreadItem> getThread() {
        ticket();
        return thread;
    }

    public String getResponseText() {
        return responseText;
    }

    public void setResponseText(String responseText) {
        this.responseText = responseText;
    }

    public UploadedFiles getResponseFiles() {
        return responseFiles;
    }

    public void setResponseFiles(UploadedFiles responseFiles) {
        this.responseFiles = responseFiles;
    }

    public String getNewSubject() {
        return newSubject;
    }

    public void setNewSubject(String newSubject) {
        this.newSubject = newSubject;
    }

    public String getNewDetails() {
        return newDetails;
    }

    public void setNewDetails(String newDetails) {
        this.newDetails = newDetails;
    }
}
