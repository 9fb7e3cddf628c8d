package org.helpdesk.web.admin;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.directory.AccessLogEntry;
import org.helpdesk.directory.UserAdministration;

/** Backs admin/access-log.xhtml: the latest changes of users' access, read once per request. */
@Named
@RequestScoped
public class AccessLogBacking {

    @Inject
    private UserAdministration administration;

    private List<AccessLogEntry> entries;

    public List<AccessLogEntry> getEntries() {
        if (entries == null) {
            entries = administration.accessLog();
        }
        return entries;
    }

    public int getSize() {
        return UserAdministration.ACCESS_LOG_SIZE;
    }
}
