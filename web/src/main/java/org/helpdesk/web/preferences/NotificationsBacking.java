package org.helpdesk.web.preferences;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.mail.MailKind;
import org.helpdesk.mail.NotificationPreferences;
import org.helpdesk.web.PageMessages;

/** Backs preferences/notifications.xhtml: each kind of notification mail on or off. */
@Named
@ViewScoped
public class NotificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NotificationPreferences preferences;

    /* Only the enum names and booleans: small and Serializable, as the view scope replicates. */
    private Map<String, Boolean> choices;

    @PostConstruct
    void load() {
        choices = new LinkedHashMap<>();
        preferences.mine().forEach((kind, on) -> choices.put(kind.name(), on));
    }

    public void save() {
        Set<MailKind> on = EnumSet.noneOf(MailKind.class);
        choices.forEach((kind, enabled) -> {
            if (Boolean.TRUE.equals(enabled)) {
                on.add(MailKind.valueOf(kind));
            }
        });
        preferences.choose(on);
        String text = PageMessages.text("preferences.notifications.saved");
        PageMessages.info(text, text);
        load();
    }

    public List<String> getKinds() {
        return new ArrayList<>(choices.keySet());
    }

    public Map<String, Boolean> getChoices() {
        return choices;
    }
}
