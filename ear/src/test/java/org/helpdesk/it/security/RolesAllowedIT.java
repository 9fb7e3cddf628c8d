package org.helpdesk.it.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.directory.Profile;
import org.helpdesk.directory.ProfileService;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The EJBs' @RolesAllowed with the demo users' real groups: the permission that is allowed, the one
 * that is not, a user without any (nora) and an anonymous caller.
 */
@ExtendWith(ArquillianExtension.class)
class RolesAllowedIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private ProfileService profiles;

    @Inject
    private CategoryService categories;

    @Test
    void requesterSeesTheirOwnProfileWithTheMappedPermission() throws Exception {
        Profile alice = Callers.as("alice", profiles::me);

        assertEquals("alice", alice.username());
        assertEquals(Set.of("create_tickets"), alice.permissions());
        assertEquals(
                List.of("North Clinic"),
                alice.locations().stream().map(Profile.LocationView::name).toList());
    }

    @Test
    void ownerHoldsAllThreePermissionsAndAllThreeLocations() throws Exception {
        Profile olivia = Callers.as("olivia", profiles::me);

        assertEquals(Set.of("create_tickets", "manage_tickets", "administer"), olivia.permissions());
        assertEquals(3, olivia.locations().size());
    }

    @Test
    void requesterMayReadCategoriesButNotCreateThem() throws Exception {
        List<Category> seen = Callers.as("alice", categories::categories);
        assertFalse(seen.isEmpty());

        assertThrows(EJBAccessException.class, () -> Callers.as("alice", () -> categories.create("Alice's own")));
        assertThrows(EJBAccessException.class, () -> Callers.as("ron", () -> categories.create("Ron's own")));
    }

    @Test
    void administratorsMayCreateCategoriesOtherStaffNot() throws Exception {
        String name = "Facilities " + UUID.randomUUID();

        Category created = Callers.as("olivia", () -> categories.create(name));

        assertEquals(name, created.getName());
        assertThrows(EJBAccessException.class, () -> Callers.as("mark", () -> categories.create(name + " 2")));
    }

    @Test
    void userWithoutAnyPermissionIsRefusedEverywhere() {
        assertThrows(EJBAccessException.class, () -> Callers.as("nora", profiles::me));
        assertThrows(EJBAccessException.class, () -> Callers.as("nora", categories::categories));
    }

    @Test
    void anonymousCallerIsRefused() {
        assertThrows(EJBAccessException.class, profiles::me);
        assertThrows(EJBAccessException.class, categories::categories);
    }
}
