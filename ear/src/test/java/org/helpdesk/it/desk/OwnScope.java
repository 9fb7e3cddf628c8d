package org.helpdesk.it.desk;

import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.naming.InitialContext;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.UserTransaction;

import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.helpdesk.it.support.Callers;
import org.helpdesk.security.Permissions;

/**
 * A location of the test's own with a staff member and a requester who work only there: whatever
 * the other tests file elsewhere, the staff member's scope holds exactly this test's tickets.
 */
record OwnScope(long locationId, String locationName, String staff, String requester) {

    static final Set<String> STAFF = Set.of(Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS);
    static final Set<String> REQUESTER = Set.of(Permissions.CREATE_TICKETS);

    static OwnScope create(String prefix) throws Exception {
        String marker = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return inTransaction(em -> {
            Location location = new Location(marker + " Clinic");
            em.persist(location);
            User staff = new User(marker + "-staff", "Stella " + marker, null);
            User requester = new User(marker + "-requester", "Rita " + marker, null);
            em.persist(staff);
            em.persist(requester);
            em.flush();
            for (User user : new User[] {staff, requester}) {
                em.createNativeQuery("INSERT INTO user_location (user_id, location_id) VALUES (?, ?)")
                        .setParameter(1, user.getId())
                        .setParameter(2, location.getId())
                        .executeUpdate();
            }
            return new OwnScope(location.getId(), location.getName(), staff.getUsername(), requester.getUsername());
        });
    }

    <T> T asStaff(java.security.PrivilegedExceptionAction<T> action) throws Exception {
        return Callers.as(staff, STAFF, action);
    }

    <T> T asRequester(java.security.PrivilegedExceptionAction<T> action) throws Exception {
        return Callers.as(requester, REQUESTER, action);
    }

    private static <T> T inTransaction(Function<EntityManager, T> work) throws Exception {
        UserTransaction transaction = InitialContext.doLookup("java:jboss/UserTransaction");
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        transaction.begin();
        EntityManager em = factory.createEntityManager();
        try {
            em.joinTransaction();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (Exception failure) {
            transaction.rollback();
            throw failure;
        } finally {
            em.close();
        }
    }
}
