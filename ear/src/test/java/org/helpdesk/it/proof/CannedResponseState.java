package org.helpdesk.it.proof;

import java.util.Optional;
import javax.naming.InitialContext;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/** The canned responses as the database holds them, read straight from the table. */
final class CannedResponseState {

    private CannedResponseState() {}

    /** The templates whose title starts with the prefix; {@code shared}: only those without owner. */
    static long count(String titlePrefix, boolean sharedOnly) throws Exception {
        return inDatabase(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM canned_response WHERE title LIKE ?"
                                + (sharedOnly ? " AND owner_id IS NULL" : ""))
                        .setParameter(1, titlePrefix + "%")
                        .getSingleResult())
                .longValue());
    }

    /** The template's title and text as one string, or empty when it is gone. */
    static Optional<String> contentOf(long id) throws Exception {
        return inDatabase(em -> em
                .createNativeQuery("SELECT title, body FROM canned_response WHERE id = ?")
                .setParameter(1, id)
                .getResultList()
                .stream()
                .findFirst()
                .map(row -> ((Object[]) row)[0] + "\n" + ((Object[]) row)[1]));
    }

    private static <T> T inDatabase(java.util.function.Function<EntityManager, T> query) throws Exception {
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        EntityManager em = factory.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
