/**
 * MicroProfile Health checks of the application, served by WildFly's health subsystem on the
 * management interface (/health, /health/ready). This module is packaged in the EAR's lib/:
 * WildFly discovers health checks only at an EAR's top level, not in its EJB or web modules.
 */
package org.helpdesk.health;
