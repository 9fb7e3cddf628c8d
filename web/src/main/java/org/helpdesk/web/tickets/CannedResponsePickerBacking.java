package org.helpdesk.web.tickets;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.cannedresponse.CannedResponseView;
import org.helpdesk.cannedresponse.CannedResponses;
import org.helpdesk.common.BusinessException;
import org.helpdesk.security.Permissions;
import org.helpdesk.web.PageMessages;
import org.omnifaces.util.Faces;

/**
 * Backs the canned-response choice of view.xhtml for staff: the chosen template, filled in for
 * this ticket by the EJB, is added to the text of Add Your Response or of the internal note, where
 * the staff member edits it and sends it with that form's own button. Inserting sends nothing.
 */
@Named
@ViewScoped
public class CannedResponsePickerBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ViewTicketBacking page;

    @Inject
    private TriageBacking triage;

    @Inject
    private CannedResponses cannedResponses;

    private Long responseTemplateId;
    private Long noteTemplateId;
    /* Read per request, not kept in the (replicated) view scope. */
    private transient List<CannedResponseView> templates;

    /** Staff get the choice; for anyone else the EJB would refuse it. */
    public boolean isOffered() {
        return Faces.isUserInRole(Permissions.MANAGE_TICKETS);
    }

    public List<CannedResponseView> getTemplates() {
        if (templates == null) {
            templates = isOffered() ? cannedResponses.available() : List.of();
        }
        return templates;
    }

    /** A personal template says so in the menu; shared ones are the team's. */
    public String labelOf(CannedResponseView template) {
        return template.shared() ? template.title() : PageMessages.text("canned.personalTitle", template.title());
    }

    public void insertIntoResponse() {
        insert(responseTemplateId, page.getResponseText(), page::setResponseText, "respond:responseTemplate");
    }

    public void insertIntoNote() {
        insert(noteTemplateId, triage.getNoteText(), triage::setNoteText, "note:noteTemplate");
    }

    /** Adds the filled-in template after what was typed already, a blank line between. */
    private void insert(Long templateId, String typed, Consumer<String> text, String choiceClientId) {
        if (page.getTicket() == null) {
            return;
        }
        if (templateId == null) {
            PageMessages.info(PageMessages.text("canned.chooseFirst"), null);
            return;
        }
        try {
            String filled = cannedResponses.fillFor(templateId, page.getTicket().id());
            text.accept(typed == null || typed.isBlank() ? filled : typed.stripTrailing() + "\n\n" + filled);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, choiceClientId);
        }
    }

    public Long getResponseTemplateId() {
        return responseTemplateId;
    }

    public void setResponseTemplateId(Long responseTemplateId) {
        this.responseTemplateId = responseTemplateId;
    }

    public Long getNoteTemplateId() {
        return noteTemplateId;
    }

    public void setNoteTemplateId(Long noteTemplateId) {
        this.noteTemplateId = noteTemplateId;
    }
}
