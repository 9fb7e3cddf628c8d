package org.helpdesk.it.proof;

/**
 * The access rules of DESIGN.md as a small table, written once: what each actor may do to a
 * ticket. The access matrix compares every case's outcome with what these say.
 */
final class AccessRules {

    private AccessRules() {}

    /** Rule 1: any ticket operation needs create_tickets or manage_tickets. */
    static boolean mayUseTickets(Actor actor) {
        return actor.createTickets || actor.manageTickets;
    }

    /** Rule 2 and scope: one's own tickets; staff also every ticket at their locations. */
    static boolean maySee(Actor actor, FixtureTicket ticket) {
        if (ticket == null || !mayUseTickets(actor)) {
            return false;
        }
        return ticket.requester() == actor || actor.manageTickets && actor.sites.contains(ticket.site());
    }

    /** The request text is the requester's alone. */
    static boolean mayEditRequest(Actor actor, FixtureTicket ticket) {
        return maySee(actor, ticket) && ticket.requester() == actor;
    }

    /** Rule 6 and Rule 7: status, assignee, category and internal notes are staff's, in scope. */
    static boolean mayTriage(Actor actor, FixtureTicket ticket) {
        return actor.manageTickets && maySee(actor, ticket);
    }

    /** Recording the SLA breaches that are due now (the timer's work, on demand): staff. */
    static boolean mayRecordSlaBreaches(Actor actor) {
        return actor.manageTickets;
    }

    /** Rule 3: a ticket is filed at one of the user's own locations. */
    static boolean mayFileAt(Actor actor, Actor.Site site) {
        return mayUseTickets(actor) && actor.sites.contains(site);
    }

    /** Canned responses and the dashboard are the staff's (manage_tickets). */
    static boolean mayUseStaffDesk(Actor actor) {
        return actor.manageTickets;
    }

    /** A template is filled in only for a ticket the staff member sees. */
    static boolean mayFillCannedResponseFor(Actor actor, FixtureTicket ticket) {
        return mayUseStaffDesk(actor) && maySee(actor, ticket);
    }

    /** Shared canned responses: created, changed and deleted by administrators (who are staff). */
    static boolean mayKeepSharedCannedResponses(Actor actor) {
        return mayUseStaffDesk(actor) && actor.administer;
    }

    /** A personal canned response: its owner's alone. */
    static boolean mayKeepPersonalCannedResponseOf(Actor actor, Actor owner) {
        return mayUseStaffDesk(actor) && actor == owner;
    }

    /**
     * Users' access, their accounts, the access log, the categories and the SLA settings: OWNER's
     * administer permission only.
     */
    static boolean mayAdminister(Actor actor) {
        return actor.administer;
    }

    /**
     * Nobody changes their own groups, locations, activation or password here; administrators
     * change everyone else's. {@code user} null: an account that is no demo user's.
     */
    static boolean mayChangeAccessOf(Actor actor, Actor user) {
        return mayAdminister(actor) && actor != user;
    }
}
