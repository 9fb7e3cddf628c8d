package org.helpdesk.it.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.PartialResponse;
import org.helpdesk.it.support.ServerLog;
import org.helpdesk.it.support.TicketPages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sign-out and the access answers of pages and API, over HTTP against the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
class AuthenticationHttpIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void protectedPageWithoutSignInRedirectsToTheLoginPage() throws Exception {
        HttpResponse<String> response = HelpdeskClient.anonymous().get("/tickets/my-tickets?status=open");

        assertEquals(302, response.statusCode());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/login?continue=%2Ftickets%2Fmy-tickets%3Fstatus%3Dopen"), location);
    }

    @Test
    void aFileWithoutSignInRedirectsToTheLoginPageAndLogsNoError() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = TicketPages.file(alice, TicketPages.unique("File sign-in"), 1);
        ServerLog log = ServerLog.mark();

        HttpResponse<String> response = HelpdeskClient.anonymous().get("/files/" + id + "/1");
        HttpResponse<String> unknown = HelpdeskClient.anonymous().get("/files/999999999/1");

        for (HttpResponse<String> answer : java.util.List.of(response, unknown)) {
            assertEquals(302, answer.statusCode());
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertTrue(location.contains("/login?continue=%2Ffiles%2F"), location);
        }
        String written = log.written();
        assertFalse(written.contains("ERROR") || written.contains("Exception"), written);
    }

    @Test
    void aFileForAUserWithoutPermissionAnswers403() throws Exception {
        assertEquals(
                403, HelpdeskClient.signedIn("nora", "demo").get("/files/1/1").statusCode());
    }

    @Test
    void aFormPostedWithTheViewStateOfAnotherPageAnswers400AndChangesNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        HttpResponse<String> filed = HelpdeskClient.basic("alice", "demo")
                .postJson(
                        "/api/v1/tickets",
                        "{\"subject\":\"Forged form target\",\"details\":\"details\",\"urgency\":\"low\",\"locationId\":1}");
        assertEquals(201, filed.statusCode(), filed.body());
        String ticketPath =
                URI.create(filed.headers().firstValue("Location").orElseThrow()).getPath();
        String ticketId = ticketPath.substring(ticketPath.lastIndexOf('/') + 1);
        String myTickets = alice.get("/tickets/my-tickets").body();

        HttpResponse<String> forged = alice.postForm(
                "/tickets/view/" + ticketId,
                Map.of(
                        "respond", "respond",
                        "respond:text", "forged response",
                        "respond:send", "",
                        "jakarta.faces.ViewState",
                                HelpdeskClient.viewStateOf(myTickets).orElseThrow()));

        assertEquals(400, forged.statusCode());
        String thread = alice.get("/tickets/view/" + ticketId).body();
        assertTrue(thread.contains("Forged form target"), "the ticket page shows the ticket");
        assertFalse(thread.contains("forged response"), "the forged response was not posted");
    }

    @Test
    void aFormSentByAjaxAfterTheSessionEndedIsSentToTheLoginPageByAPartialResponse() throws Exception {
        HelpdeskClient ended = HelpdeskClient.anonymous();
        String form = "ticket=ticket&ticket%3Asubject=Lost&jakarta.faces.partial.ajax=true";

        HttpResponse<String> byAjax = ended.send(ended.request("/tickets/add")
                .header("Faces-Request", "partial/ajax")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        HttpResponse<String> plain =
                ended.postForm("/tickets/add", Map.of("ticket", "ticket", "ticket:subject", "Lost"));

        assertEquals(
                Optional.of("/login"), PartialResponse.of(byAjax).redirect(), "the page itself goes to the login page");
        assertEquals(302, plain.statusCode());
        assertEquals(
                "/login",
                plain.headers()
                        .firstValue("Location")
                        .map(URI::create)
                        .map(URI::getPath)
                        .orElseThrow());
    }

    @Test
    void apiWithoutCredentialsAnswers401WithABasicChallenge() throws Exception {
        HttpResponse<String> response = HelpdeskClient.anonymous().getJson("/api/v1/me");

        assertEquals(401, response.statusCode());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        assertTrue(response.body().contains("\"code\":\"UNAUTHORIZED\""), response.body());
    }

    @Test
    void apiWithAWrongPasswordAnswers401() throws Exception {
        assertEquals(
                401,
                HelpdeskClient.basic("alice", "wrong").getJson("/api/v1/me").statusCode());
        assertEquals(
                401,
                HelpdeskClient.basic("nobody", "demo").getJson("/api/v1/me").statusCode());
    }

    @Test
    void apiForAUserWithoutPermissionAnswers403() throws Exception {
        HttpResponse<String> response = HelpdeskClient.basic("nora", "demo").getJson("/api/v1/me");

        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("\"code\":\"FORBIDDEN\""), response.body());
    }

    @Test
    void apiForARequesterAnswers200WithTheirProfile() throws Exception {
        HttpResponse<String> response = HelpdeskClient.basic("alice", "demo").getJson("/api/v1/me");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"username\":\"alice\""), response.body());
        assertTrue(response.body().contains("\"create_tickets\""), response.body());
        assertFalse(response.body().contains("manage_tickets"), response.body());
    }

    @Test
    void signInThroughTheLoginFormReturnsToTheRequestedPage() throws Exception {
        HelpdeskClient browser = HelpdeskClient.anonymous();
        String continueTo = browser.get("/tickets/my-tickets")
                .headers()
                .firstValue("Location")
                .orElseThrow();

        HttpResponse<String> signIn = browser.submitForm(
                continueTo, "login", Map.of("login:username", "alice", "login:password", "demo"), "login:signIn");

        assertEquals(302, signIn.statusCode());
        assertTrue(signIn.headers().firstValue("Location").orElseThrow().endsWith("/tickets/my-tickets"));
        HttpResponse<String> page = browser.get("/tickets/my-tickets");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Alice Archer"), "the header names the signed-in user");
    }

    @Test
    void theSessionIdChangesAtSignIn() throws Exception {
        HelpdeskClient browser = HelpdeskClient.anonymous();
        browser.get("/login");
        String before = browser.sessionId().orElseThrow();

        browser.signIn("alice", "demo");

        assertNotEquals(before, browser.sessionId().orElseThrow());
    }

    @Test
    void aWrongPasswordKeepsTheLoginPageWithAMessage() throws Exception {
        HttpResponse<String> response = HelpdeskClient.anonymous().signIn("alice", "not-the-password");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("The user name or password is not correct."));
    }

    @Test
    void aSignedInUserWithoutPermissionGets403OnPages() throws Exception {
        HelpdeskClient nora = HelpdeskClient.signedIn("nora", "demo");

        assertEquals(403, nora.get("/tickets/my-tickets").statusCode());
    }

    @Test
    void requesterGets403OnStaffPages() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");

        assertEquals(403, alice.get("/staff/queue").statusCode());
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        HelpdeskClient browser = HelpdeskClient.signedIn("alice", "demo");

        HttpResponse<String> signOut =
                browser.submitForm("/tickets/my-tickets", "signOutForm", Map.of(), "signOutForm:signOut");

        assertEquals(302, signOut.statusCode());
        assertTrue(signOut.headers().firstValue("Location").orElseThrow().contains("/login"));
        assertEquals(302, browser.get("/tickets/my-tickets").statusCode());
    }
}
