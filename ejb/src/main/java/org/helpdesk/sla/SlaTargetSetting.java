package org.helpdesk.sla;

import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The targets of one urgency as administrators set them, in minutes of working time. The urgency
 * is its code in capitals (the ticket's own column's spelling), so that this package needs nothing
 * of the tickets.
 */
@Entity
@Table(name = "sla_target")
public class SlaTargetSetting {

    @Id
    @Column(length = 20)
    private String urgency;

    @Column(name = "first_response_minutes", nullable = false)
    private int firstResponseMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Version
    private long version;

    protected SlaTargetSetting() {}

    public String getUrgency() {
        return urgency;
    }

    public SlaTarget target() {
        return new SlaTarget(Duration.ofMinutes(firstResponseMinutes), Duration.ofMinutes(resolutionMinutes));
    }

    /** Sets both targets, checked by {@link SlaTarget} (each more than zero). */
    void change(SlaTarget target) {
        firstResponseMinutes = Math.toIntExact(target.firstResponse().toMinutes());
        resolutionMinutes = Math.toIntExact(target.resolution().toMinutes());
    }

    public long getVersion() {
        return version;
    }
}
