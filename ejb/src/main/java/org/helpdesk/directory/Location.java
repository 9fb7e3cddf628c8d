package org.helpdesk.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One of the organisation's sites. Every ticket belongs to one; staff see the tickets of theirs. */
@Entity
@Table(name = "location")
public class Location {

    @Id
    @SequenceGenerator(name = "location_seq", sequenceName = "location_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "location_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    protected Location() {}

    public Location(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
