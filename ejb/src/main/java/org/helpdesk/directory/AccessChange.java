package org.helpdesk.directory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One entry of the access log: who changed whose access (groups, locations, activation, a password
 * set or changed, the account created), from what to what, and when. Written in the transaction of
 * the change itself, so a refused change leaves none; never changed afterwards. Holds names, never
 * a password or its hash.
 */
@Entity
@Table(name = "access_change")
public class AccessChange {

    /** What changed. */
    public enum Kind {
        USER_CREATED,
        GROUPS,
        LOCATIONS,
        ACTIVATION,
        PASSWORD_RESET,
        PASSWORD_CHANGED
    }

    /** The longest value the log keeps (the column's length); longer lists are cut with "…". */
    static final int MAX_VALUE = 2000;

    @Id
    @SequenceGenerator(name = "access_change_seq", sequenceName = "access_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_change_seq")
    private Long id;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "actor_name", nullable = false, length = 100)
    private String actorName;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Kind kind;

    @Column(name = "before_value", length = MAX_VALUE)
    private String beforeValue;

    @Column(name = "after_value", length = MAX_VALUE)
    private String afterValue;

    protected AccessChange() {}

    AccessChange(String actorName, User user, Kind kind, String beforeValue, String afterValue) {
        this.changedAt = Instant.now();
        this.actorName = actorName;
        this.user = user;
        this.kind = kind;
        this.beforeValue = cut(beforeValue);
        this.afterValue = cut(afterValue);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }

    /** The entry as the administrators' page shows it. */
    AccessLogEntry view() {
        return new AccessLogEntry(
                id, changedAt, actorName, user.getUsername(), user.getDisplayName(), kind, beforeValue, afterValue);
    }
}
