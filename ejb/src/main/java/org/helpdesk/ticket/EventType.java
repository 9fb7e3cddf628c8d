package org.helpdesk.ticket;

/** What changed on a ticket, as its history records it. */
public enum EventType {
    STATUS_CHANGED,
    SUBJECT_CHANGED,
    DETAILS_CHANGED,
    ASSIGNEE_CHANGED,
    CATEGORY_CHANGED,
    /** An SLA clock passed its due time (no actor: the clock did it); {@code to} names the clock. */
    SLA_BREACHED
}
