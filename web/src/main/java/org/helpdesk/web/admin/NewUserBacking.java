package org.helpdesk.web.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.directory.NewUser;
import org.helpdesk.directory.UserAccount;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.web.PageMessages;

/**
 * Backs the New user form of admin/users.xhtml. Request-scoped: the temporary password typed here
 * never reaches the view state. The rules (unique name, known groups, the password's length) are
 * {@link UserAdministration#createUser}'s; each refusal is shown beside its field.
 */
@Named
@RequestScoped
public class NewUserBacking {

    private static final Map<String, String> FIELDS = Map.of(
            "username", "newUser:username",
            "displayName", "newUser:displayName",
            "email", "newUser:email",
            "groups", "newUser:groups",
            "locations", "newUser:locations",
            "temporaryPassword", "newUser:temporaryPassword");

    @Inject
    private UserAdministration administration;

    private String username;
    private String displayName;
    private String email;
    private List<String> groups = new ArrayList<>();
    private List<Long> locations = new ArrayList<>();
    private String temporaryPassword;

    public String create() {
        try {
            UserAccount created = administration.createUser(new NewUser(
                    username, displayName, email, new HashSet<>(groups), Set.copyOf(locations), temporaryPassword));
            String text = PageMessages.text("admin.users.created", created.username());
            PageMessages.info(text, text);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            return "/admin/users?faces-redirect=true";
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
            return null;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }

    public List<Long> getLocations() {
        return locations;
    }

    public void setLocations(List<Long> locations) {
        this.locations = locations == null ? new ArrayList<>() : locations;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public void setTemporaryPassword(String temporaryPassword) {
        this.temporaryPassword = temporaryPassword;
    }
}
