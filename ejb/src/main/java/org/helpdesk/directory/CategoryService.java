package org.helpdesk.directory;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.security.Permissions;

/** The ticket categories: everyone may read them, only staff may change them. */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class CategoryService {

    @PersistenceContext
    private EntityManager em;

    /** Every category, active or not, by name. */
    @RolesAllowed({Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS})
    public List<Category> categories() {
        return em.createNamedQuery(Category.ALL, Category.class).getResultList();
    }

    /** Adds an active category; names are unique, compared without regard to case. */
    public Category create(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("name", "A category name has 1 to 100 characters.");
        }
        boolean taken = !em.createNamedQuery(Category.BY_NAME, Category.class)
                .setParameter("name", trimmed.toLowerCase(Locale.ROOT))
                .getResultList().isEmpty();
        if (taken) {
            throw new InvalidInputException("name", "A category with this name exists already.");
        }
        Category category = new Category(trimmed);
        em.persist(category);
        return category;
    }
}
