/** Backing beans of the administration pages under /admin: categories, and users' access. */
package org.helpdesk.web.admin;
