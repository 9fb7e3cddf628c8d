package org.helpdesk.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What a ticket is about, set by staff. Deactivated categories stay on the tickets that have them. */
@Entity
@Table(name = "category")
@NamedQueries({
    @NamedQuery(name = Category.ALL, query = "SELECT c FROM Category c ORDER BY c.name"),
    @NamedQuery(name = Category.BY_NAME, query = "SELECT c FROM Category c WHERE LOWER(c.name) = :name")
})
public class Category {

    public static final String ALL = "Category.all";
    public static final String BY_NAME = "Category.byName";

    @Id
    @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    protected Category() {}

    public Category(String name) {
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
