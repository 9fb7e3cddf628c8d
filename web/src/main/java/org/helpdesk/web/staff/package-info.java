/** Backing beans of the staff pages under /staff: the ticket queue. */
package org.helpdesk.web.staff;
