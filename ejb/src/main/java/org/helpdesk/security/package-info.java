/**
 * Who the caller is and what they may do: the two permission names that {@code @RolesAllowed}
 * checks, the group-to-permission mapping read from the server configuration, the accounts the
 * identity store verifies, and the current user as an entity.
 */
package org.helpdesk.security;
