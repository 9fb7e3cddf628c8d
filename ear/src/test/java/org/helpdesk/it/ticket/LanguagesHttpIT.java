package org.helpdesk.it.ticket;

import java.net.http.HttpResponse;
import java.util.Map;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second language: the requester's pages and every refusal in German for a browser that asks
 * for it ({@code Accept-Language}), in English for anyone else; the API's problem details likewise.
 */
@ExtendWith(ArquillianExtension.class)
class LanguagesHttpIT {

    private static final String GERMAN = "de-DE,de;q=0.9,en;q=0.5";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void theLoginPageSpeaksTheBrowsersLanguage() throws Exception {
        String german =
                HelpdeskClient.anonymous().speaking(GERMAN).get("/login").body();
        String french =
                HelpdeskClient.anonymous().speaking("fr-FR,fr").get("/login").body();

        assertTrue(german.contains("lang=\"de\""), german);
        assertTrue(german.contains("Benutzername"), german);
        assertTrue(german.contains("Anmelden"), german);
        assertTrue(french.contains("lang=\"en\""), "a language Helpdesk does not speak falls back to English");
        assertTrue(french.contains("User name"), french);
        assertFalse(french.contains("Benutzername"));
    }

    @Test
    void aRequestersPagesInGerman() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo").speaking(GERMAN);

        String myTickets = alice.get("/tickets/my-tickets").body();
        String add = alice.get("/tickets/add").body();

        assertTrue(myTickets.contains("Meine Supportanfragen"), myTickets);
        assertTrue(myTickets.contains("Supportanfrage erstellen"), myTickets);
        assertTrue(add.contains("Sagen Sie uns, was Sie brauchen."), add);
        assertTrue(add.contains("Dringlichkeit"), add);
    }

    @Test
    void anEjbRefusalOnAPageInThePagesLanguage() throws Exception {
        Map<String, String> wrongCurrent = Map.of(
                "password:current", "not my password",
                "password:newPassword", "a new password",
                "password:repeat", "a new password");

        String german = HelpdeskClient.signedIn("alice", "demo")
                .speaking(GERMAN)
                .submitForm("/account/password", "password", wrongCurrent, "password:change")
                .body();
        String english = HelpdeskClient.signedIn("alice", "demo")
                .submitForm("/account/password", "password", wrongCurrent, "password:change")
                .body();

        assertTrue(german.contains("Das aktuelle Passwort ist nicht richtig."), german);
        assertTrue(english.contains("The current password is not correct."), english);
        assertEquals(
                200, HelpdeskClient.basic("alice", "demo").getJson("/api/v1/me").statusCode(), "nothing changed");
    }

    @Test
    void theApisProblemDetailsInTheRequestedLanguage() throws Exception {
        String incomplete = "{\"subject\":\"\",\"details\":\"x\",\"urgency\":\"low\",\"locationId\":1}";

        HttpResponse<String> german =
                HelpdeskClient.basic("alice", "demo").speaking(GERMAN).postJson("/api/v1/tickets", incomplete);
        HttpResponse<String> english = HelpdeskClient.basic("alice", "demo").postJson("/api/v1/tickets", incomplete);

        assertEquals(400, german.statusCode(), german.body());
        assertTrue(german.body().contains("Geben Sie einen Betreff ein."), german.body());
        assertEquals(400, english.statusCode(), english.body());
        assertTrue(english.body().contains("Enter a subject."), english.body());
    }
}
