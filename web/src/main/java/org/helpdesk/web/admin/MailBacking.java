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
        return mail.list(MailState.DEAD);
    }

    public List<OutboxMail> getPending() {
        return mail.list(MailState.PENDING);
    }

    public void retry(long id) {
        try {
            mail.retry(id);
            String text = PageMessages.text("admin.mail.retried");
            PageMessages.info(text, text);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, null);
        }
        counts = null;
    }

    public void retryAll() {
        mail.retryAllDead();
        String text = PageMessages.text("admin.mail.retried");
        PageMessages.info(text, text);
        counts = null;
    }
}
