package org.helpdesk.web.tickets;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TriageService;
import org.helpdesk.web.PageMessages;
import org.primefaces.model.file.UploadedFiles;

/**
 * Backs the staff panel of view.xhtml: assign, status, category and internal notes. Rendered only
 * for staff at the ticket's location ({@link TicketDetails#staffPowers}); the EJB refuses everyone
 * else whatever they post (Rule 6). Each change carries the
 * version the page showed, so a change made meanwhile by someone else is reported, not overwritten.
 */
@Named
@ViewScoped
public class TriageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of(
            "status", "triage:status",
            "assigneeId", "triage:assignee",
            "categoryId", "triage:category",
            "text", "note:noteText",
            "attachments", "note:noteAttachments");

    @Inject
    private ViewTicketBacking page;

    @Inject
    private TriageService triage;

    @Inject
    private CategoryService categoryService;

    private boolean staff;
    /* The choices are read per request, not kept in the (replicated) view scope. */
    private transient List<TicketDetails.Person> assignableStaff;
    private transient List<Category> categories;

    private Status status;
    private Long assigneeId;
    private Long categoryId;
    private String noteText;
    private transient UploadedFiles noteFiles;

    @PostConstruct
    void load() {
        TicketDetails ticket = page.getTicket();
        // The EJB's verdict for this ticket: staff, and the ticket is at one of their locations.
        staff = ticket != null && ticket.staffPowers();
        if (!staff) {
            return;
        }
        status = ticket.status();
        assigneeId = ticket.assignee() == null ? null : ticket.assignee().id();
        categoryId = ticket.category() == null ? null : ticket.category().id();
    }

    /** Saves whichever of status, assignee and category the staff member changed. */
    public void save() throws IOException {
        try {
            triage.triage(page.getTicket().id(), page.loadedVersion(), status, assigneeId, categoryId);
            page.reloadWith(PageMessages.text("triage.saved"));
        } catch (ConcurrentChangeException changedMeanwhile) {
            PageMessages.show(changedMeanwhile, FIELDS);
            page.refresh();
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
        }
    }

    public void addNote() throws IOException {
        try {
            triage.addInternalNote(page.getTicket().id(), noteText, Uploads.of(noteFiles));
            page.reloadWith(PageMessages.text("triage.noteAdded"));
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
        }
    }

    public boolean isStaff() {
        return staff;
    }

    public List<TicketDetails.Person> getAssignableStaff() {
        if (assignableStaff == null) {
            TicketDetails ticket = page.getTicket();
            assignableStaff = staff && ticket != null ? triage.assignableStaff(ticket.id()) : List.of();
        }
        return assignableStaff;
    }

    public List<Category> getCategories() {
        if (categories == null) {
            categories = staff ? categoryService.categories() : List.of();
        }
        return categories;
    }

    public List<Status> getStatuses() {
        return List.of(Status.values());
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public void setAssigneeId(Long assigneeId) {
        this.assigneeId = assigneeId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getNoteText() {
        return noteText;
    }

    public void setNoteText(String noteText) {
        this.noteText = noteText;
    }

    public UploadedFiles getNoteFiles() {
        return noteFiles;
    }

    public void setNoteFiles(UploadedFiles noteFiles) {
        this.noteFiles = noteFiles;
    }
}
