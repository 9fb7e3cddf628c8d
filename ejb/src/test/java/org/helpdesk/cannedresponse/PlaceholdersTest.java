package org.helpdesk.cannedresponse;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlaceholdersTest {

    @Test
    void everyKnownPlaceholderIsReplacedByItsValue() {
        String filled = Placeholders.fill(
                "Hello {requester.firstName} ({requester.name}), {ticket.number} \"{ticket.subject}\" at "
                        + "{ticket.location}. {staff.firstName} / {staff.name}",
                placeholder -> "<" + placeholder.name() + ">");
        assertEquals(
                "Hello <REQUESTER_FIRST_NAME> (<REQUESTER_NAME>), <TICKET_NUMBER> \"<TICKET_SUBJECT>\" at "
                        + "<TICKET_LOCATION>. <STAFF_FIRST_NAME> / <STAFF_NAME>",
                filled);
    }

    @Test
    void aValueIsInsertedAsTextNeverReadAsAPatternOrAPlaceholder() {
        assertEquals(
                "Dear $1 {ticket.number} \\",
                Placeholders.fill("Dear {requester.name}", placeholder -> "$1 {ticket.number} \\"));
    }

    @Test
    void misspeltAndInventedPlaceholdersAreUnknownEachOnce() {
        assertEquals(
                Set.of("{ticket.nubmer}", "{Requester.firstName}", "{x}"),
                Placeholders.unknownIn("{ticket.nubmer} {Requester.firstName} {x} {x} {ticket.number}"));
    }

    @Test
    void bracesAroundWordsWithSpacesOrNothingAreText() {
        assertEquals(Set.of(), Placeholders.unknownIn("a set {1, 2} and {} and { } and {a\nb}"));
        assertEquals("a set {1, 2} and {}", Placeholders.fill("a set {1, 2} and {}", placeholder -> "?"));
    }

    @Test
    void theKnownPlaceholdersAreListedAsWritten() {
        assertEquals(
                List.of(
                        "{requester.firstName}",
                        "{requester.name}",
                        "{ticket.number}",
                        "{ticket.subject}",
                        "{ticket.location}",
                        "{staff.firstName}",
                        "{staff.name}"),
                Placeholders.known());
    }

    @Test
    void aFirstNameIsTheFirstWordOfTheDisplayName() {
        assertEquals("Alice", Placeholders.firstNameOf(" Alice Anders "));
        assertEquals("Mark", Placeholders.firstNameOf("Mark"));
    }
}
