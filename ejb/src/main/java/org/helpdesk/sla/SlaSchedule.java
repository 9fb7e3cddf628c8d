package org.helpdesk.sla;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The settings the clocks are computed from, read in the caller's transaction: a location's
 * working time and the targets of an urgency. Called by the beans that own a ticket's events
 * (filing, responses, status changes), whose own security applies; it decides nothing itself.
 */
@ApplicationScoped
public class SlaSchedule {

    @PersistenceContext
    private EntityManager em;

    public BusinessCalendar calendarOf(long locationId) {
        return em.find(LocationCalendar.class, locationId).businessCalendar();
    }

    /** The targets of an urgency, by its stored name (LOW, MEDIUM, HIGH, CRITICAL). */
    public SlaTarget targetFor(String urgency) {
        return em.find(SlaTargetSetting.class, urgency).target();
    }
}
