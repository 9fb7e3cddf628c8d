package org.helpdesk.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupPermissionsTest {

    @AfterEach
    void clearMapping() {
        System.clearProperty("helpdesk.permissions.TEST_STAFF");
        System.clearProperty("helpdesk.permissions.TEST_REQUESTER");
    }

    @Test
    void unionOfTheGroupsMappings() {
        System.setProperty("helpdesk.permissions.TEST_STAFF", "create_tickets, manage_tickets");
        System.setProperty("helpdesk.permissions.TEST_REQUESTER", "create_tickets");

        assertEquals(
                Set.of("create_tickets", "manage_tickets"),
                GroupPermissions.of(List.of("TEST_REQUESTER", "TEST_STAFF")));
    }

    @Test
    void unmappedGroupGrantsNothing() {
        assertEquals(Set.of(), GroupPermissions.of(List.of("TEST_UNMAPPED")));
    }

    @Test
    void changedMappingAppliesAtTheNextLookup() {
        System.setProperty("helpdesk.permissions.TEST_REQUESTER", "create_tickets");
        assertEquals(Set.of("create_tickets"), GroupPermissions.of(List.of("TEST_REQUESTER")));

        System.setProperty("helpdesk.permissions.TEST_REQUESTER", "");
        assertEquals(Set.of(), GroupPermissions.of(List.of("TEST_REQUESTER")));
    }

    @Test
    void configuredListsEveryMappedGroup() {
        System.setProperty("helpdesk.permissions.TEST_STAFF", "manage_tickets,,create_tickets");

        assertEquals(
                Set.of("create_tickets", "manage_tickets"),
                GroupPermissions.configured().get("TEST_STAFF"));
    }
}
