package org.helpdesk.directory;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.ConflictException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.common.StorableText;
import org.helpdesk.security.Permissions;

/**
 * The ticket categories: everyone may read them, only staff may change them. A category that
 * tickets use cannot be deleted, only deactivated (it stays on those tickets, but is offered no more).
 */
@Stateless
@RolesAllowed(Permissions.ADMINISTER)
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
        Category category = new Category(uniqueName(name, null));
        em.persist(category);
        return category;
    }

    public void rename(long id, String name) {
        Category category = find(id);
        category.rename(uniqueName(name, id));
    }

    /** Offers the category for new triage again, or no more. */
    public void setActive(long id, boolean active) {
        find(id).setActive(active);
    }

    /** Deletes a category that no ticket uses. */
    public void delete(long id) {
        Category category = find(id);
        long uses = em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.category.id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult();
        if (uses > 0) {
            throw new ConflictException(RefusalMessage.of("category.inUse", category.getName(), uses));
        }
        em.remove(category);
    }

    private Category find(long id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new NotFoundException(RefusalMessage.of("category.notFound"));
        }
        return category;
    }

    private String uniqueName(String name, Long exceptId) {
        String trimmed = name == null ? "" : StorableText.require("name", name.strip());
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("name", RefusalMessage.of("category.name.size"));
        }
        boolean taken = em.createNamedQuery(Category.BY_NAME, Category.class)
                .setParameter("name", trimmed.toLowerCase(Locale.ROOT))
                .getResultStream()
                .anyMatch(other -> !other.getId().equals(exceptId));
        if (taken) {
            throw new InvalidInputException("name", RefusalMessage.of("category.name.taken"));
        }
        return trimmed;
    }
}
