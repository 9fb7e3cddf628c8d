package org.helpdesk.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.helpdesk.directory.ProfileService;
import org.helpdesk.security.Permissions;
import org.omnifaces.util.Faces;

/** Backs the shared template's header: who is signed in, and whether they are staff. */
@Named
@RequestScoped
public class LayoutBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private ProfileService profiles;

    private String displayName;

    public boolean isSignedIn() {
        return Faces.getExternalContext().getUserPrincipal() != null;
    }

    public boolean isStaff() {
        return securityContext.isCallerInRole(Permissions.MANAGE_TICKETS);
    }

    public boolean isAdministrator() {
        return securityContext.isCallerInRole(Permissions.ADMINISTER);
    }

    /** The signed-in user's display name; the bare user name for someone without a permission. */
    public String getDisplayName() {
        if (displayName == null && isSignedIn()) {
            boolean permitted = isStaff() || securityContext.isCallerInRole(Permissions.CREATE_TICKETS);
            displayName = permitted
                    ? profiles.me().displayName()
                    : Faces.getExternalContext().getUserPrincipal().getName();
        }
        return displayName;
    }
}
