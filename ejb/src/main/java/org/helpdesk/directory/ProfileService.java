package org.helpdesk.directory;

import java.util.Comparator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/** The signed-in user's own profile. */
@Stateless
@RolesAllowed({Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS})
public class ProfileService {

    @Inject
    private CurrentUser currentUser;

    /** Who the caller is, the permissions their groups grant now, and the locations they can use. */
    public Profile me() {
        User user = currentUser.get();
        return new Profile(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getEmail(),
                GroupPermissions.of(user.getGroups()),
                user.getLocations().stream()
                        .sorted(Comparator.comparing(Location::getName))
                        .map(location -> new Profile.LocationView(location.getId(), location.getName()))
                        .toList());
    }
}
