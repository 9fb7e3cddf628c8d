package org.helpdesk.it.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.helpdesk.directory.NewUser;
import org.helpdesk.directory.PasswordChange;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts over HTTP, as people and API clients meet them: a temporary password leads to the
 * change-password page and keeps the API closed until changed; a deactivated user is out at the
 * next request, pages and API; administrators create users and read the access log on their pages.
 * The accounts are made through the EJBs (as olivia) inside the server, then used over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class AccountsHttpIT {

    private static final String TEMPORARY = "temporary-42";
    private static final String OWN = "my own password";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private UserAdministration administration;

    @Inject
    private PasswordChange passwords;

    @Inject
    private Accounts accounts;

    @Test
    void aTemporaryPasswordLeadsToTheChangePasswordPageAndKeepsTheApiClosed() throws Exception {
        String name = created(uniqueUsername("temp"));
        HelpdeskClient browser = HelpdeskClient.signedIn(name, TEMPORARY);

        HttpResponse<String> myTickets = browser.get("/tickets/my-tickets");
        HttpResponse<String> queue = browser.get("/staff/queue");
        HttpResponse<String> page = browser.get("/account/password");
        HttpResponse<String> api = HelpdeskClient.basic(name, TEMPORARY).getJson("/api/v1/me");
        HttpResponse<String> apiWithSession = browser.getJson("/api/v1/me");

        assertEquals(302, myTickets.statusCode());
        assertTrue(myTickets.headers().firstValue("Location").orElseThrow().endsWith("/account/password"));
        assertTrue(queue.headers().firstValue("Location").orElseThrow().endsWith("/account/password"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Your password is temporary"), page.body());
        assertEquals(403, api.statusCode());
        assertTrue(api.body().contains("\"code\":\"PASSWORD_CHANGE_REQUIRED\""), api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(403, apiWithSession.statusCode());

        HttpResponse<String> tooShort = change(browser, TEMPORARY, "short", "short");
        HttpResponse<String> mismatch = change(browser, TEMPORARY, OWN, OWN + "!");
        HttpResponse<String> wrongCurrent = change(browser, "not-the-password", OWN, OWN);
        assertEquals(200, tooShort.statusCode());
        assertTrue(tooShort.body().contains("The password is too short: use at least 10 characters."));
        assertTrue(mismatch.body().contains("The two new passwords are not the same."));
        assertTrue(wrongCurrent.body().contains("The current password is not correct."));
        assertTrue(accounts.findActive(name).orElseThrow().mustChangePassword(), "refusals change nothing");

        HttpResponse<String> changed = change(browser, TEMPORARY, OWN, OWN);

        assertEquals(302, changed.statusCode());
        assertTrue(changed.headers().firstValue("Location").orElseThrow().contains("/tickets/my-tickets"));
        HttpResponse<String> after = browser.get("/tickets/my-tickets");
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("Your password was changed."));
        assertEquals(200, HelpdeskClient.basic(name, OWN).getJson("/api/v1/me").statusCode());
        assertEquals(
                401, HelpdeskClient.basic(name, TEMPORARY).getJson("/api/v1/me").statusCode());
        assertEquals(
                200,
                HelpdeskClient.signedIn(name, OWN).get("/tickets/my-tickets").statusCode());
    }

    @Test
    void aDeactivatedUserIsOutAtTheNextRequestOnPagesAndApi() throws Exception {
        String name = created(uniqueUsername("leaver"));
        Callers.run(name, () -> passwords.changeOwn(TEMPORARY, OWN));
        HelpdeskClient browser = HelpdeskClient.signedIn(name, OWN);
        HelpdeskClient api = HelpdeskClient.basic(name, OWN);
        assertEquals(200, browser.get("/tickets/my-tickets").statusCode());
        assertEquals(200, api.getJson("/api/v1/me").statusCode());
        long id = idOf(name);

        Callers.run("olivia", () -> administration.setActive(id, false));

        HttpResponse<String> page = browser.get("/tickets/my-tickets");
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElseThrow().contains("/login"));
        assertEquals(401, api.getJson("/api/v1/me").statusCode());
        assertEquals(200, HelpdeskClient.anonymous().signIn(name, OWN).statusCode(), "the login page again");

        Callers.run("olivia", () -> administration.setActive(id, true));

        assertEquals(200, api.getJson("/api/v1/me").statusCode());
        assertEquals(302, HelpdeskClient.anonymous().signIn(name, OWN).statusCode());
    }

    @Test
    void usersChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        String name = created(uniqueUsername("changer"));
        Callers.run(name, () -> passwords.changeOwn(TEMPORARY, OWN));
        HelpdeskClient browser = HelpdeskClient.signedIn(name, OWN);

        HttpResponse<String> page = browser.get("/account/password");
        HttpResponse<String> changed = change(browser, OWN, "another password", "another password");

        assertEquals(200, page.statusCode());
        assertFalse(page.body().contains("Your password is temporary"));
        assertEquals(302, changed.statusCode());
        assertEquals(
                200,
                HelpdeskClient.basic(name, "another password")
                        .getJson("/api/v1/me")
                        .statusCode());
        assertEquals(302, HelpdeskClient.anonymous().get("/account/password").statusCode(), "anonymous: sign in first");
    }

    @Test
    void administratorsCreateUsersAndReadTheAccessLogOnTheirPages() throws Exception {
        HelpdeskClient olivia = HelpdeskClient.signedIn("olivia", "demo");
        String name = uniqueUsername("paged");

        HttpResponse<String> created =
                olivia.submitForm("/admin/users", "newUser", newUserForm(name, TEMPORARY), "newUser:create");
        HttpResponse<String> duplicate =
                olivia.submitForm("/admin/users", "newUser", newUserForm(name, TEMPORARY), "newUser:create");
        String shortName = uniqueUsername("short");
        HttpResponse<String> tooShort =
                olivia.submitForm("/admin/users", "newUser", newUserForm(shortName, "short"), "newUser:create");
        HttpResponse<String> log = olivia.get("/admin/access-log");

        assertEquals(302, created.statusCode());
        Account account = accounts.findActive(name).orElseThrow();
        assertEquals(Set.of("RBT"), account.groups());
        assertTrue(account.mustChangePassword());
        assertEquals(200, duplicate.statusCode());
        assertTrue(duplicate.body().contains("The user name " + name + " is taken: choose another."));
        assertTrue(tooShort.body().contains("The password is too short: use at least 10 characters."));
        assertTrue(accounts.findActive(shortName).isEmpty());
        assertEquals(200, log.statusCode());
        assertTrue(log.body().contains(name));
        assertTrue(log.body().contains("User created"));
        assertEquals(
                403,
                HelpdeskClient.signedIn("mark", "demo").get("/admin/access-log").statusCode());
        assertEquals(302, HelpdeskClient.anonymous().get("/admin/access-log").statusCode());
    }

    private static Map<String, String> newUserForm(String name, String password) {
        return Map.of(
                "newUser:username",
                name,
                "newUser:displayName",
                "Paged " + name,
                "newUser:email",
                name + "@helpdesk.test",
                "newUser:groups",
                "RBT",
                "newUser:locations",
                String.valueOf(NORTH),
                "newUser:temporaryPassword",
                password);
    }

    private static HttpResponse<String> change(HelpdeskClient browser, String current, String next, String repeated)
            throws Exception {
        return browser.submitForm(
                "/account/password",
                "password",
                Map.of("password:current", current, "password:newPassword", next, "password:repeat", repeated),
                "password:change");
    }

    /** A new account (RBT, North Clinic) with the temporary password {@link #TEMPORARY}. */
    private String created(String name) throws Exception {
        Callers.run(
                "olivia",
                () -> administration.createUser(
                        new NewUser(name, "Test " + name, null, Set.of("RBT"), Set.of(NORTH), TEMPORARY)));
        return name;
    }

    private long idOf(String name) throws Exception {
        return Callers.as("olivia", administration::users).stream()
                .filter(user -> user.username().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }
}
