package org.helpdesk.cannedresponse;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.helpdesk.common.Limits;
import org.helpdesk.directory.User;

/**
 * A reply template: shared (no owner; administrators keep it) or one staff member's own. Its text
 * keeps the placeholders; {@link CannedResponses} checks them before it stores a text.
 */
@Entity
@Table(name = "canned_response")
public class CannedResponse {

    /** The longest title. */
    public static final int MAX_TITLE = 200;

    @Id
    @SequenceGenerator(name = "canned_response_seq", sequenceName = "canned_response_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "canned_response_seq")
    private Long id;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(nullable = false, length = Limits.TEXT)
    private String body;

    /** Null: shared with every staff member. */
    @ManyToOne
    @JoinColumn(name = "owner_id")
    private User owner;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CannedResponse() {}

    /** A shared template ({@code owner} null) or a personal one. */
    CannedResponse(User owner, String title, String body, Instant now) {
        this.owner = owner;
        this.title = Objects.requireNonNull(title);
        this.body = Objects.requireNonNull(body);
        this.updatedAt = now;
    }

    void rewrite(String newTitle, String newBody, Instant now) {
        title = Objects.requireNonNull(newTitle);
        body = Objects.requireNonNull(newBody);
        updatedAt = now;
    }

    boolean isShared() {
        return owner == null;
    }

    boolean isOwnedBy(User user) {
        return owner != null && owner.getId().equals(user.getId());
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    String getBody() {
        return body;
    }

    long getVersion() {
        return version;
    }
}
