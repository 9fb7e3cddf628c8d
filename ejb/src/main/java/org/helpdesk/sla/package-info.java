/**
 * Service-level clocks. Plain domain code: a location's working time ({@link
 * org.helpdesk.sla.BusinessCalendar}), the two targets of an urgency ({@link
 * org.helpdesk.sla.SlaTarget}) and one stored clock with its pauses and stop ({@link
 * org.helpdesk.sla.SlaClock}), proven by unit tests; and the settings they are computed from as
 * administrators keep them ({@link org.helpdesk.sla.LocationCalendar}, {@link
 * org.helpdesk.sla.SlaTargetSetting}, read by {@link org.helpdesk.sla.SlaSchedule}). This package
 * knows nothing of tickets: the ticket package uses it, never the other way round.
 */
package org.helpdesk.sla;
