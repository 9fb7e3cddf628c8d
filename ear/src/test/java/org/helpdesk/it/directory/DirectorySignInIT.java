package org.helpdesk.it.directory;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in against a real LDAP directory ({@link TestDirectory}) beside the database store's demo
 * users, over HTTP against the deployed EAR on standalone-helpdesk-ldap.xml (configure-ldap.cli).
 * Run with {@code ./mvnw verify -Pldap}.
 */
@ExtendWith({TestDirectory.class, ArquillianExtension.class})
class DirectorySignInIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void aDirectoryUserSignsInAndHasAnAccountAtOnce() throws Exception {
        HttpResponse<String> me = HelpdeskClient.basic("dana", "dana-Secret-1").getJson("/api/v1/me");

        assertEquals(200, me.statusCode(), me.body());
        JsonObject profile = json(me.body());
        assertEquals("dana", profile.getString("username"));
        assertEquals("Dana Directory", profile.getString("displayName"));
        assertEquals("dana@helpdesk.test", profile.getString("email"));
        assertEquals(Set.of("create_tickets"), permissions(profile));
        assertTrue(profile.getJsonArray("locations").isEmpty(), "no location until an administrator gives one");

        HelpdeskClient page = HelpdeskClient.signedIn("dana", "dana-Secret-1");
        HttpResponse<String> myTickets = page.get("/tickets/my-tickets");
        assertEquals(200, myTickets.statusCode());
        assertTrue(myTickets.body().contains("Dana Directory"), "the header shows the directory's name");
    }

    @Test
    void directoryGroupsGrantPermissionsThroughTheMapping() throws Exception {
        assertEquals(
                Set.of("create_tickets", "manage_tickets", "administer"), permissions(meOf("owen", "owen-Secret-1")));
        // maggie is in "Regional Leads", a member of MANAGER: nested membership counts.
        assertEquals(Set.of("create_tickets", "manage_tickets"), permissions(meOf("maggie", "maggie-Secret-1")));
        // pat is only in a group the mapping does not name: signed in, allowed nothing.
        assertEquals(
                403,
                HelpdeskClient.basic("pat", "pat-Secret-1")
                        .getJson("/api/v1/me")
                        .statusCode());
    }

    @Test
    void aWrongPasswordIsRefusedOnTheApiAndTheLoginPage() throws Exception {
        HttpResponse<String> api =
                HelpdeskClient.basic("dana", "not-her-password").getJson("/api/v1/me");
        assertEquals(401, api.statusCode());

        HttpResponse<String> login = HelpdeskClient.anonymous().signIn("dana", "not-her-password");
        assertFalse(login.statusCode() == 302, "no sign-in");
        assertTrue(text(login).contains("The user name or password is not correct."), text(login));
    }

    @Test
    void aDisabledDirectoryUserCannotSignIn() throws Exception {
        assertEquals(
                401,
                HelpdeskClient.basic("vic", "vic-Secret-1")
                        .getJson("/api/v1/me")
                        .statusCode());
        HttpResponse<String> login = HelpdeskClient.anonymous().signIn("vic", "vic-Secret-1");
        assertFalse(login.statusCode() == 302, "no sign-in");
        assertTrue(text(login).contains("The user name or password is not correct."), text(login));
    }

    @Test
    void aChangedDirectoryPasswordAppliesAtOnce() throws Exception {
        HelpdeskClient old = HelpdeskClient.basic("cara", "cara-Secret-1");
        assertEquals(200, old.getJson("/api/v1/me").statusCode());
        assertEquals(200, old.getJson("/api/v1/me").statusCode(), "again, as an API client does");

        TestDirectory.changePassword("cara", "cara-Secret-2");

        assertEquals(401, old.getJson("/api/v1/me").statusCode(), "the old password no longer opens anything");
        assertEquals(
                200,
                HelpdeskClient.basic("cara", "cara-Secret-2")
                        .getJson("/api/v1/me")
                        .statusCode());
    }

    @Test
    void aUserRemovedFromTheDirectoryIsOutAtTheNextRequest() throws Exception {
        HelpdeskClient page = HelpdeskClient.signedIn("gus", "gus-Secret-1");
        HelpdeskClient api = HelpdeskClient.basic("gus", "gus-Secret-1");
        assertEquals(200, page.get("/tickets/my-tickets").statusCode());
        assertEquals(200, api.getJson("/api/v1/me").statusCode());

        TestDirectory.remove("gus");

        assertSentToLogin(page.get("/tickets/my-tickets"));
        assertEquals(401, api.getJson("/api/v1/me").statusCode());
        assertFalse(HelpdeskClient.anonymous().signIn("gus", "gus-Secret-1").statusCode() == 302);
    }

    @Test
    void aUserDisabledInTheDirectoryIsOutAtTheNextRequest() throws Exception {
        HelpdeskClient page = HelpdeskClient.signedIn("dora", "dora-Secret-1");
        HelpdeskClient api = HelpdeskClient.basic("dora", "dora-Secret-1");
        assertEquals(200, page.get("/tickets/my-tickets").statusCode());
        assertEquals(200, api.getJson("/api/v1/me").statusCode());

        TestDirectory.disable("dora");

        assertSentToLogin(page.get("/tickets/my-tickets"));
        assertEquals(401, api.getJson("/api/v1/me").statusCode());
    }

    @Test
    void aRenamedDirectoryGroupChangesPermissionsAtTheNextRequest() throws Exception {
        HelpdeskClient page = HelpdeskClient.signedIn("ray", "ray-Secret-1");
        assertEquals(200, page.get("/tickets/my-tickets").statusCode());

        TestDirectory.renameGroup("RBT", "RBT Archive");
        try {
            assertEquals(403, page.get("/tickets/my-tickets").statusCode(), "RBT Archive grants nothing");
            assertEquals(
                    403,
                    HelpdeskClient.basic("ray", "ray-Secret-1")
                            .getJson("/api/v1/me")
                            .statusCode());
        } finally {
            TestDirectory.renameGroup("RBT Archive", "RBT");
        }
        assertEquals(200, page.get("/tickets/my-tickets").statusCode(), "back in RBT");
    }

    @Test
    void aDirectoryEntryCannotTakeOverADatabaseAccount() throws Exception {
        // The directory has a "mark" in OWNER; the database store's mark (MANAGER) stays the one.
        assertEquals(
                401,
                HelpdeskClient.basic("mark", "mark-Directory-1")
                        .getJson("/api/v1/me")
                        .statusCode());
        JsonObject mark = meOf("mark", "demo");
        assertEquals("Mark Mendez", mark.getString("displayName"));
        assertEquals(Set.of("create_tickets", "manage_tickets"), permissions(mark));
    }

    @Test
    void anUnreachableDirectoryMakesDirectorySignInUnavailableAndLeavesDemoUsersAlone() throws Exception {
        HelpdeskClient signedInBefore = HelpdeskClient.signedIn("dana", "dana-Secret-1");
        TestDirectory.stop();
        try {
            HttpResponse<String> api =
                    HelpdeskClient.basic("dana", "dana-Secret-1").getJson("/api/v1/me");
            assertEquals(503, api.statusCode(), api.body());
            assertEquals(
                    "application/problem+json",
                    api.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonObject problem = json(api.body());
            assertEquals(503, problem.getInt("status"));
            assertEquals("SIGN_IN_UNAVAILABLE", problem.getString("code"));
            assertTrue(problem.getString("detail").startsWith("Sign-in is unavailable"), api.body());
            assertTrue(api.headers().firstValue("Retry-After").isPresent());
            assertNoStackTrace(api.body());

            HttpResponse<String> login = HelpdeskClient.anonymous().signIn("dana", "dana-Secret-1");
            assertEquals(503, login.statusCode());
            assertTrue(text(login).contains("Sign-in is unavailable"), text(login));
            assertNoStackTrace(text(login));

            // A page of a directory user's session: the login page, saying why.
            HttpResponse<String> session = signedInBefore.get("/tickets/my-tickets");
            assertSentToLogin(session);
            String sentTo = session.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> loginPage = HelpdeskClient.anonymous().get(sentTo.substring(sentTo.indexOf("/login")));
            assertEquals(200, loginPage.statusCode());
            assertTrue(text(loginPage).contains("Sign-in is unavailable"), text(loginPage));
            assertNoStackTrace(text(loginPage));

            // The database store's demo users do not need the directory.
            assertEquals(Set.of("create_tickets"), permissions(meOf("alice", "demo")));
            HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
            assertEquals(200, alice.get("/tickets/my-tickets").statusCode());
            assertEquals(
                    401,
                    HelpdeskClient.basic("alice", "wrong").getJson("/api/v1/me").statusCode());
        } finally {
            TestDirectory.start();
        }
        assertEquals(200, signedInBefore.get("/tickets/my-tickets").statusCode(), "the session goes on");
        assertEquals(
                200,
                HelpdeskClient.basic("dana", "dana-Secret-1")
                        .getJson("/api/v1/me")
                        .statusCode());
    }

    private static void assertSentToLogin(HttpResponse<String> response) {
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("/login"));
    }

    /** What a person or a client is shown (a page's text, an API body) names no exception. */
    private static void assertNoStackTrace(String shown) {
        assertFalse(shown.contains("Exception"), shown);
        assertFalse(shown.contains("\tat "), shown);
    }

    private static JsonObject meOf(String username, String password) throws Exception {
        HttpResponse<String> me = HelpdeskClient.basic(username, password).getJson("/api/v1/me");
        assertEquals(200, me.statusCode(), username + ": " + me.body());
        return json(me.body());
    }

    private static Set<String> permissions(JsonObject profile) {
        List<JsonString> values = profile.getJsonArray("permissions").getValuesAs(JsonString.class);
        return values.stream().map(JsonString::getString).collect(Collectors.toSet());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String text(HttpResponse<String> page) {
        return Jsoup.parse(page.body()).text();
    }
}
