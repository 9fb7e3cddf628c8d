package org.helpdesk.ticket;

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

import org.helpdesk.common.Limits;
import org.helpdesk.directory.User;

/**
 * One entry of a ticket's history: who changed what, from which value to which, and when.
 * {@code automatic} marks changes the system made as a consequence of another action (Rule 8, a
 * requester's answer reopening a resolved ticket). Written only by {@link Ticket} (and an SLA breach by {@link SlaBreaches}); never changed.
 */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

    @Id
    @SequenceGenerator(name = "ticket_event_seq", sequenceName = "ticket_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    /** Who made the change; {@code null} for an SLA breach, which nobody made. */
    @ManyToOne
    @JoinColumn(name = "actor_id")
    private User actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private EventType type;

    @Column(name = "from_value", length = Limits.TEXT)
    private String fromValue;

    @Column(name = "to_value", length = Limits.TEXT)
    private String toValue;

    @Column(nullable = false)
    private boolean automatic;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected TicketEvent() {}

    TicketEvent(
            Ticket ticket,
            User actor,
            EventType type,
            String fromValue,
            String toValue,
            boolean automatic,
            Instant occurredAt) {
        this.ticket = ticket;
        this.actor = actor;
        this.type = type;
        this.fromValue = fromValue;
        this.toValue = toValue;
        this.automatic = automatic;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public User getActor() {
        return actor;
    }

    public EventType getType() {
        return type;
    }

    public String getFromValue() {
        return fromValue;
    }

    public String getToValue() {
        return toValue;
    }

    public boolean isAutomatic() {
        return automatic;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
