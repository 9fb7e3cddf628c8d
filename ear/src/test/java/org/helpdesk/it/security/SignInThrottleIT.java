package org.helpdesk.it.security;

import java.net.http.HttpResponse;
import javax.naming.InitialContext;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.UserTransaction;

import org.helpdesk.directory.User;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.FromAddress;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.Html;
import org.helpdesk.it.support.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in throttle (SignInThrottle) over HTTP: 5 failures per user name and 30 per client
 * address within 5 minutes, then 429 with Retry-After on the API and a message on the login page,
 * the right password included; and the lines of the operator's security.log. Runs inside the server only to create
 * accounts of its own (the demo users must stay usable for the other tests); every request goes
 * over HTTP, from client addresses of its own in 127.0.0.0/8 ({@link FromAddress}).
 */
@ExtendWith(ArquillianExtension.class)
class SignInThrottleIT {

    /** SignInThrottle.ACCOUNT_FAILURES and ADDRESS_FAILURES. */
    private static final int ACCOUNT_FAILURES = 5;

    private static final int ADDRESS_FAILURES = 30;

    private static final String ME = "/api/v1/me";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    /**
     * A new account of the database store whose password is "demo" (alice's hash) and without
     * groups: a sign-in that its password passes answers 403 on the API, a refused one 401 or 429.
     */
    private static String newAccount(String prefix) throws Exception {
        String username = prefix + "-" + System.nanoTime();
        UserTransaction transaction = InitialContext.doLookup("java:jboss/UserTransaction");
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        transaction.begin();
        EntityManager em = factory.createEntityManager();
        try {
            em.joinTransaction();
            String demoHash = em.createQuery(
                            "SELECT u.passwordHash FROM User u WHERE u.username = 'alice'", String.class)
                    .getSingleResult();
            em.persist(new User(username, "Throttle Test " + prefix, demoHash));
            transaction.commit();
        } catch (Exception failure) {
            transaction.rollback();
            throw failure;
        } finally {
            em.close();
        }
        return username;
    }

    private static void assertThrottled(FromAddress.Answer answer) {
        assertEquals(429, answer.status(), answer.body());
        assertTrue(
                answer.header("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertTrue(answer.body().contains("\"code\":\"TOO_MANY_REQUESTS\""), answer.body());
        long retryAfter = Long.parseLong(answer.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 300, "Retry-After " + retryAfter);
    }

    @Test
    void aUserNameThatFailedTooOftenIsRefusedFromAnyAddressEvenWithTheRightPassword() throws Exception {
        String username = newAccount("by-name");
        assertEquals(
                403,
                FromAddress.getWithBasic("127.0.21.1", ME, username, "demo").status(),
                "accepted");
        ServerLog log = ServerLog.mark("security.log");

        for (int failure = 1; failure <= ACCOUNT_FAILURES; failure++) {
            String address = "127.0.21." + (10 + failure);
            assertEquals(
                    401,
                    FromAddress.getWithBasic(address, ME, username, "guess-" + failure)
                            .status(),
                    "failure " + failure);
        }
        FromAddress.Answer refused = FromAddress.getWithBasic("127.0.21.30", ME, username, "demo");

        assertThrottled(refused);
        assertEquals(
                200,
                FromAddress.getWithBasic("127.0.21.30", ME, "alice", "demo").status(),
                "other names go on");
        HttpResponse<String> page = HelpdeskClient.anonymous().signIn(username, "demo");
        assertEquals(429, page.statusCode(), "the login page shares the count");
        String written = log.written();
        assertTrue(
                written.contains("[org.helpdesk.security]")
                        && written.contains("event=sign-in-failed user=" + username + " address=127.0.21.11"),
                "security.log: " + written);
        assertTrue(written.contains("event=sign-in-throttled user=" + username + " address=127.0.21.30"), written);
        assertFalse(written.contains("guess-1"), "no password in the log");
    }

    @Test
    void anAddressThatFailedTooOftenIsRefusedForEveryName() throws Exception {
        String address = "127.0.22.1";
        for (int failure = 1; failure <= ADDRESS_FAILURES; failure++) {
            assertEquals(
                    401,
                    FromAddress.getWithBasic(address, ME, "nobody-" + failure + "-" + System.nanoTime(), "guess")
                            .status(),
                    "failure " + failure);
        }

        assertThrottled(FromAddress.getWithBasic(address, ME, "alice", "demo"));
        assertEquals(
                200, FromAddress.getWithBasic("127.0.22.2", ME, "alice", "demo").status(), "other addresses go on");
    }

    @Test
    void aSuccessfulSignInStartsTheNamesCountAgain() throws Exception {
        String username = newAccount("cleared");
        for (int failure = 1; failure < ACCOUNT_FAILURES; failure++) {
            assertEquals(
                    401,
                    FromAddress.getWithBasic("127.0.23." + failure, ME, username, "guess")
                            .status());
        }
        assertEquals(
                403,
                FromAddress.getWithBasic("127.0.23.20", ME, username, "demo").status(),
                "accepted");
        for (int failure = 1; failure < ACCOUNT_FAILURES; failure++) {
            assertEquals(
                    401,
                    FromAddress.getWithBasic("127.0.23." + (30 + failure), ME, username, "guess")
                            .status());
        }

        assertEquals(
                403,
                FromAddress.getWithBasic("127.0.23.40", ME, username, "demo").status(),
                "still accepted");
    }

    @Test
    void theLoginPageSaysThatSignInIsPausedAndSignsNobodyIn() throws Exception {
        String username = newAccount("page");
        for (int failure = 1; failure <= ACCOUNT_FAILURES; failure++) {
            HttpResponse<String> wrong = HelpdeskClient.anonymous().signIn(username, "guess-" + failure);
            assertEquals(200, wrong.statusCode());
            assertTrue(wrong.body().contains("The user name or password is not correct."), "failure " + failure);
        }
        HelpdeskClient browser = HelpdeskClient.anonymous();

        HttpResponse<String> paused = browser.signIn(username, "demo");

        assertEquals(429, paused.statusCode());
        String shown = Html.parse(paused.body()).text();
        assertTrue(shown.contains("Too many failed sign-ins"), shown);
        assertFalse(shown.contains("Exception") || shown.contains("\tat "), "no stack trace: " + shown);
        assertEquals(302, browser.get("/tickets/my-tickets").statusCode(), "not signed in");
        assertThrottled(FromAddress.getWithBasic("127.0.24.1", ME, username, "demo"));
    }
}
