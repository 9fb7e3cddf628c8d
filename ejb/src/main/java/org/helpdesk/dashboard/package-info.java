/**
 * The staff dashboard: how the desk is doing at the caller's locations
 * ({@link org.helpdesk.dashboard.Dashboard}). Every figure reads maintained counts or one index
 * range bounded by a time window, so that it costs the same on a million tickets as on a
 * thousand (README, "Performance"). This package reads the ticket tables; the ticket package
 * knows nothing of it.
 */
package org.helpdesk.dashboard;
