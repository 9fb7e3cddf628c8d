/**
 * The people and places tickets belong to: users with their groups and location access, the
 * organisation's locations (sites) and the ticket categories. Users are held by the application;
 * their permissions come from their groups through {@link org.helpdesk.security.GroupPermissions}.
 */
package org.helpdesk.directory;
