package org.helpdesk.web.admin;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.web.PageMessages;

/** Backs admin/categories.xhtml: create, rename, deactivate and delete categories. */
@Named
@ViewScoped
public class CategoriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CategoryService categories;

    /* Entities stay out of the view scope (it replicates on a cluster): read again when restored. */
    private transient List<Category> all;
    private String newName;
    private Map<Long, String> names;

    @PostConstruct
    void load() {
        all = categories.categories();
        names = new HashMap<>();
        all.forEach(category -> names.put(category.getId(), category.getName()));
    }

    public void create() {
        run(() -> categories.create(newName), "admin.categories.created", "newCategory:name");
        newName = null;
    }

    public void rename(Category category) {
        run(() -> categories.rename(category.getId(), names.get(category.getId())), "admin.categories.renamed", null);
    }

    public void toggleActive(Category category) {
        run(() -> categories.setActive(category.getId(), !category.isActive()), "admin.categories.saved", null);
    }

    public void delete(Category category) {
        run(() -> categories.delete(category.getId()), "admin.categories.deleted", null);
    }

    private void run(Runnable change, String confirmationKey, String fieldClientId) {
        try {
            change.run();
            String text = PageMessages.text(confirmationKey);
            PageMessages.info(text, text);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, fieldClientId);
        }
        load();
    }

    public List<Category> getAll() {
        if (all == null) {
            all = categories.categories();
        }
        return all;
    }

    public Map<Long, String> getNames() {
        return names;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }
}
