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

    /**
     * Not a permission: the one role of a caller whose password is temporary (set by an
     * administrator or the bootstrap), until they change it. No EJB method names it, so it grants
     * nothing; the authentication mechanism sends its holder to the change-password page.
     */
    public static final String PASSWORD_CHANGE_REQUIRED = "password_change_required";

    private Permissions() {}
}
