package org.helpdesk.security;

/**
 * The three permissions of DESIGN.md. They are the security roles that EJB methods name in
 * {@code @RolesAllowed}; users receive them through their groups ({@link GroupPermissions}).
 */
public final class Permissions {

    /** Create tickets, see and act on one's own. */
    public static final String CREATE_TICKETS = "create_tickets";

    /** See and act on every ticket at one's locations: assign, change status, categorise, notes. */
    public static final String MANAGE_TICKETS = "manage_tickets";

    /** Administer: users' groups and locations (never one's own), and the categories. */
    public static final String ADMINISTER = "administer";

    private Permissions() {}
}
