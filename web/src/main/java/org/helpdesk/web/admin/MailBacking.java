package org.helpdesk.web.admin;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.mail.MailAdministration;
import org.helpdesk.mail.MailSettings;
import org.helpdesk.mail.MailState;
import org.helpdesk.mail.OutboxMail;
import org.helpdesk.web.PageMessages;

/** Backs admin/mail.xhtml: the outbox's counts, its dead and pending mail, and the retry. */
@Named
@RequestScoped
public class MailBacking {

    @Inject
    private MailAdministration mail;

    private Map<MailState, Long> counts;

    private List<OutboxMail> dead;

    private List<OutboxMail> pending;

    public boolean isSending() {
        return MailSettings.enabled();
    }

    public Map<MailState, Long> getCounts() {
        if (counts == null) {
            counts = mail.counts();
        }
        return counts;
    }

    public List<OutboxMail> getDead() {
        if (dead == null) {
            dead = mail.list(MailState.DEAD);
        }
        return dead;
    }

    public List<OutboxMail> getPending() {
        if (pending == null) {
            pending = mail.list(MailState.PENDING);
        }
        return pending;
    }

    public void retry(long id) {
        try {
            mail.retry(id);
            String text = PageMessages.text("admin.mail.retried");
            PageMessages.info(text, text);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, null);
        }
        forgetLists();
    }

    public void retryAll() {
        mail.retryAllDead();
        String text = PageMessages.text("admin.mail.retried");
        PageMessages.info(text, text);
        forgetLists();
    }

    /** After a retry the page shows the outbox as it is now. */
    private void forgetLists() {
        counts = null;
        dead = null;
        pending = null;
    }
}
