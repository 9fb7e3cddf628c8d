package org.helpdesk.web.staff;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.cannedresponse.CannedResponseDraft;
import org.helpdesk.cannedresponse.CannedResponseView;
import org.helpdesk.cannedresponse.CannedResponses;
import org.helpdesk.cannedresponse.Placeholders;
import org.helpdesk.common.BusinessException;
import org.helpdesk.web.PageMessages;

/**
 * Backs staff/responses.xhtml: the shared canned responses and the caller's own, one form to write
 * a new one or change one (the EJB decides who may change which: shared ones are the
 * administrators'), and deleting.
 */
@Named
@ViewScoped
public class CannedResponsesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of("title", "template:title", "text", "template:text");

    @Inject
    private CannedResponses cannedResponses;

    /* Read per request, not kept in the (replicated) view scope. */
    private transient List<CannedResponseView> templates;

    /** The template being changed (its id and the version shown), or null for a new one. */
    private Long editingId;

    private long editingVersion;
    private String title;
    private String text;
    private boolean shared;

    public void save() {
        try {
            if (editingId == null) {
                cannedResponses.create(new CannedResponseDraft(title, text, shared));
            } else {
                cannedResponses.update(editingId, editingVersion, title, text);
            }
            confirm(editingId == null ? "canned.created" : "canned.saved");
            clear();
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
        }
        templates = null;
    }

    public void edit(CannedResponseView template) {
        editingId = template.id();
        editingVersion = template.version();
        title = template.title();
        text = template.text();
        shared = template.shared();
    }

    public void delete(CannedResponseView template) {
        try {
            cannedResponses.delete(template.id());
            confirm("canned.deleted");
            if (template.id() == (editingId == null ? -1 : editingId)) {
                clear();
            }
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
        }
        templates = null;
    }

    public void clear() {
        editingId = null;
        editingVersion = 0;
        title = null;
        text = null;
        shared = false;
    }

    private static void confirm(String key) {
        String confirmation = PageMessages.text(key);
        PageMessages.info(confirmation, confirmation);
    }

    private List<CannedResponseView> templates() {
        if (templates == null) {
            templates = cannedResponses.available();
        }
        return templates;
    }

    public List<CannedResponseView> getSharedResponses() {
        return templates().stream().filter(CannedResponseView::shared).toList();
    }

    public List<CannedResponseView> getPersonalResponses() {
        return templates().stream().filter(template -> !template.shared()).toList();
    }

    public List<String> getPlaceholders() {
        return Placeholders.known();
    }

    public boolean isEditing() {
        return editingId != null;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isShared() {
        return shared;
    }

    public void setShared(boolean shared) {
        this.shared = shared;
    }
}
