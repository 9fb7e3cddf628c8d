package org.helpdesk.ticket;

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

import org.helpdesk.directory.Location;

/**
 * A change to the number of tickets at a location in a status: +1 when a ticket is filed there or
 * moves into the status, -1 when it moves out. Written by {@link Ticket} in the transaction of the
 * change and never updated, so that no two writers wait for one row; {@link TicketCounts} adds
 * them up and folds them into one row per location and status.
 */
@Entity
@Table(name = "ticket_count_change")
public class TicketCountChange {

    @Id
    @SequenceGenerator(name = "ticket_count_change_seq", sequenceName = "ticket_count_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_count_change_seq")
    private Long id;

    /** The ticket that changed; {@code null} on a row that folds many changes. */
    @ManyToOne
    @JoinColumn(name = "ticket_id")
    private Ticket ticket;

    @ManyToOne(optional = false)
    @JoinColumn(name = "location_id")
    private Location location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private long delta;

    protected TicketCountChange() {}

    TicketCountChange(Ticket ticket, Location location, Status status, long delta) {
        this.ticket = ticket;
        this.location = location;
        this.status = status;
        this.delta = delta;
    }

    public Location getLocation() {
        return location;
    }

    public Status getStatus() {
        return status;
    }

    public long getDelta() {
        return delta;
    }
}
