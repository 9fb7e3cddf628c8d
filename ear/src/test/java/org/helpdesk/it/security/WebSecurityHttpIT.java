package org.helpdesk.it.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.Html;
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
}
