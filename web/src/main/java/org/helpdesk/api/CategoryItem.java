package org.helpdesk.api;

import org.helpdesk.directory.Category;

/** A category as the API shows it. */
public record CategoryItem(long id, String name, boolean active) {

    static CategoryItem of(Category category) {
        return new CategoryItem(category.getId(), category.getName(), category.isActive());
    }
}
