package org.helpdesk.it.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.Html;
import org.helpdesk.it.support.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.TicketPages.file;
import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security headers on pages and API, the session cookie's flags, and forged postbacks. */
@ExtendWith(ArquillianExtension.class)
class WebSecurityHttpIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static void assertCommonHeaders(HttpResponse<String> response, String what) {
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElse(""),
                what);
        assertEquals(
                "same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), what);
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'none'"), what + ": " + policy);
    }

    @Test
    void everyPageHasAScriptPolicyWithoutUnsafeInline() throws Exception {
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        long id = file(mark, unique("Headers"), 1);
        for (String page : List.of(
                "/login",
                "/tickets/my-tickets",
                "/tickets/add",
                "/tickets/view/" + id,
                "/staff/queue",
                "/admin/categories",
                "/admin/users",
                "/admin/mail",
                "/preferences/notifications",
                "/tickets/view/999999999")) {
            HttpResponse<String> response =
                    page.equals("/login") ? HelpdeskClient.anonymous().get(page) : mark.get(page);
            assertCommonHeaders(response, page);
            String policy =
                    response.headers().firstValue("Content-Security-Policy").orElseThrow();
            String scripts = policy.substring(policy.indexOf("script-src"));
            assertTrue(scripts.contains("'nonce-"), page + ": " + policy);
            assertFalse(scripts.contains("'unsafe-inline'"), page + ": " + policy);
            assertFalse(
                    !Html.parse(response.body())
                            .select("script:not([nonce]):not([src])")
                            .isEmpty(),
                    page + " has an inline script without the nonce");
        }
    }

    @Test
    void apiAnswersAllowNothingToRender() throws Exception {
        for (HttpResponse<String> response : List.of(
                HelpdeskClient.basic("alice", "demo").getJson("/api/v1/me"),
                HelpdeskClient.anonymous().getJson("/api/v1/me"),
                HelpdeskClient.basic("alice", "demo").getJson("/api/v1/tickets/999999999"))) {
            assertCommonHeaders(response, "API " + response.statusCode());
            assertTrue(response.headers()
                    .firstValue("Content-Security-Policy")
                    .orElseThrow()
                    .startsWith("default-src 'none'"));
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        String cookie = HelpdeskClient.anonymous()
                .get("/login")
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();

        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void aForgedPostbackChangesNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = file(alice, unique("Forged"), 1);

        HttpResponse<String> forged = alice.postForm(
                "/tickets/view/" + id,
                Map.of(
                        "respond",
                        "respond",
                        "respond:text",
                        "Written by another site",
                        "respond:send",
                        "",
                        "jakarta.faces.ViewState",
                        "-123:456"));

        assertFalse(forged.statusCode() == 302, "no success");
        assertFalse(alice.get("/tickets/view/" + id).body().contains("Written by another site"));
    }

    @Test
    void signedInPagesAndApiAnswersAreNotStored() throws Exception {
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        for (HttpResponse<String> response : List.of(
                mark.get("/tickets/my-tickets"),
                mark.get("/staff/queue"),
                mark.getJson("/api/v1/me"),
                HelpdeskClient.basic("alice", "demo").getJson("/api/v1/me"),
                HelpdeskClient.basic("alice", "demo").getJson("/api/v1/tickets/999999999"),
                HelpdeskClient.anonymous().getJson("/api/v1/me"))) {
            assertEquals(
                    "no-store",
                    response.headers().firstValue("Cache-Control").orElse(""),
                    response.uri() + " " + response.statusCode());
        }
    }

    @Test
    void aCrossOriginApiWriteOfASessionChangesNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        HelpdeskClient aliceByBasic = HelpdeskClient.basic("alice", "demo");
        long id = file(alice, unique("Cross origin"), 1);
        String path = "/api/v1/tickets/" + id + "/messages";
        String self = HelpdeskClient.uri("/").toString();
        String ownOrigin = self.substring(0, self.indexOf('/', "http://".length()));
        String otherOrigin = "http://127.0.0.1:9999";

        ServerLog log = ServerLog.mark();
        HttpResponse<String> forged =
                alice.send(messageTo(alice, path, "Written by another origin").header("Origin", otherOrigin));
        HttpResponse<String> noProof = alice.send(messageTo(alice, path, "Written without an origin"));
        HttpResponse<String> crossSite =
                alice.send(messageTo(alice, path, "Written cross-site").header("Sec-Fetch-Site", "same-site"));

        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(forged.body().contains("\"code\":\"FORBIDDEN\""), forged.body());
        assertEquals("no-store", forged.headers().firstValue("Cache-Control").orElse(""), "security headers too");
        String written = log.written();
        assertTrue(
                written.contains("[org.helpdesk.security]")
                        && written.contains("event=cross-origin-refused user=alice")
                        && written.contains("origin=" + otherOrigin),
                written);
        assertFalse(written.contains("Written by another origin"), "no ticket text in the log");
        assertEquals(403, noProof.statusCode(), noProof.body());
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        String thread = aliceByBasic.getJson("/api/v1/tickets/" + id).body();
        assertFalse(thread.contains("Written by another origin"), thread);
        assertFalse(thread.contains("Written without an origin"), thread);
        assertFalse(thread.contains("Written cross-site"), thread);

        assertEquals(
                201,
                alice.send(messageTo(alice, path, "Written by our page").header("Origin", ownOrigin))
                        .statusCode());
        assertEquals(
                201,
                alice.send(messageTo(alice, path, "Written by our script").header("X-Requested-With", "XMLHttpRequest"))
                        .statusCode());
        assertEquals(
                201,
                alice.send(messageTo(alice, path, "Written by fetch").header("Sec-Fetch-Site", "same-origin"))
                        .statusCode());
        assertEquals(
                201,
                aliceByBasic
                        .postJson(path, "{\"text\":\"Written by a program\"}")
                        .statusCode());
        thread = aliceByBasic.getJson("/api/v1/tickets/" + id).body();
        for (String text :
                List.of("Written by our page", "Written by our script", "Written by fetch", "Written by a program")) {
            assertTrue(thread.contains(text), text);
        }
    }

    @Test
    void aPlainFormPostedFromAnotherOriginChangesNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = file(alice, unique("Cross origin form"), 1);

        HttpResponse<String> forged = alice.send(alice.request("/api/v1/tickets/" + id + "/messages")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:9999")
                .POST(HttpRequest.BodyPublishers.ofString("text=Posted+by+a+form+elsewhere")));

        assertEquals(403, forged.statusCode(), forged.body());
        assertFalse(HelpdeskClient.basic("alice", "demo")
                .getJson("/api/v1/tickets/" + id)
                .body()
                .contains("Posted by a form elsewhere"));
    }

    @Test
    void aRefusalOfASignedInCallerIsInTheSecurityLog() throws Exception {
        ServerLog log = ServerLog.mark();

        assertEquals(
                403, HelpdeskClient.basic("nora", "demo").getJson("/api/v1/me").statusCode());
        assertEquals(
                403,
                HelpdeskClient.signedIn("alice", "demo").get("/staff/queue").statusCode());

        String written = log.written();
        assertTrue(written.contains("event=refused user=nora"), written);
        assertTrue(written.contains("event=refused user=alice") && written.contains("path=/staff/queue"), written);
    }

    private static HttpRequest.Builder messageTo(HelpdeskClient client, String path, String text) {
        return client.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"));
    }
}
