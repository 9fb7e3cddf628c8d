package org.helpdesk.web.admin;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.directory.Profile;
import org.helpdesk.directory.UserAccount;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.web.PageMessages;

/**
 * Backs admin/users.xhtml: each user's groups and location access as the application holds them,
 * deactivation, and the group-to-permission mapping as the server is configured (read-only: it is
 * changed in the server configuration, not here). New accounts are {@link NewUserBacking}'s,
 * temporary passwords {@link PasswordResetBacking}'s, both request-scoped so that no password
 * stays in the view state.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserAdministration administration;

    private List<UserAccount> users;
    private List<Profile.LocationView> locations;
    private Map<String, Set<String>> mapping;
    private final Map<Long, String> groupsByUser = new HashMap<>();
    private final Map<Long, List<Long>> locationsByUser = new HashMap<>();

    @PostConstruct
    void load() {
        users = administration.users();
        locations = administration.locations().stream()
                .map(location -> new Profile.LocationView(location.getId(), location.getName()))
                .toList();
        mapping = administration.groupPermissions();
        for (UserAccount user : users) {
            groupsByUser.put(user.id(), String.join(", ", new TreeSet<>(user.groups())));
            locationsByUser.put(
                    user.id(),
                    user.locations().stream().map(Profile.LocationView::id).collect(Collectors.toList()));
        }
    }

    public void save(UserAccount user) {
        // A directory user's groups are the directory's: shown, not sent.
        Set<String> groups = user.fromDirectory()
                ? user.groups()
                : Arrays.stream(Objects.requireNonNullElse(groupsByUser.get(user.id()), "")
                                .split(","))
                        .map(String::strip)
                        .filter(group -> !group.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new));
        try {
            administration.changeAccess(
                    user.id(),
                    groups,
                    Set.copyOf(Objects.requireNonNullElse(locationsByUser.get(user.id()), List.<Long>of())));
            String text = PageMessages.text("admin.users.saved");
            PageMessages.info(text + " " + user.username(), text);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, null);
        }
        reload();
    }

    /** Deactivates an active user, reactivates an inactive one. */
    public void toggleActive(UserAccount user) {
        try {
            administration.setActive(user.id(), !user.active());
            String text = PageMessages.text(user.active() ? "admin.users.deactivated" : "admin.users.reactivated");
            PageMessages.info(text + " " + user.username(), text);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, null);
        }
        reload();
    }

    /** Reads the users again, after a change made here or by another bean of the page. */
    public void reload() {
        groupsByUser.clear();
        locationsByUser.clear();
        load();
    }

    /** Names as the page lists them: sorted, comma-separated. */
    public String joined(java.util.Collection<String> names) {
        return String.join(", ", new TreeSet<>(names));
    }

    public String getMappingProperty() {
        return GroupPermissions.PROPERTY_PREFIX + "<GROUP>";
    }

    public List<UserAccount> getUsers() {
        return users;
    }

    public List<Profile.LocationView> getLocations() {
        return locations;
    }

    public Map<String, Set<String>> getMapping() {
        return mapping;
    }

    public List<String> getMappedGroups() {
        return List.copyOf(mapping.keySet());
    }

    public Map<Long, String> getGroupsByUser() {
        return groupsByUser;
    }

    public Map<Long, List<Long>> getLocationsByUser() {
        return locationsByUser;
    }
}
