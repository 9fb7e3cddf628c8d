package org.helpdesk.it.proof;

import java.util.Set;

/**
 * The demo users as DESIGN.md and the demo data describe them, and the anonymous caller: what the
 * access rules need to know of each, written down independently of the application.
 */
enum Actor {
    ALICE("alice", 1, false, true, Set.of(Site.NORTH)),
    RON("ron", 2, false, true, Set.of(Site.SOUTH)),
    LOU("lou", 3, false, true, Set.of()),
    MARK("mark", 4, true, true, Set.of(Site.NORTH)),
    OLIVIA("olivia", 5, true, true, Set.of(Site.NORTH, Site.SOUTH, Site.EAST)),
    NORA("nora", 6, false, false, Set.of(Site.NORTH)),
    ANONYMOUS(null, 0, false, false, Set.of());

    final String username;
    final long userId;
    final boolean manageTickets;
    final boolean createTickets;
    final Set<Site> sites;

    Actor(String username, long userId, boolean manageTickets, boolean createTickets, Set<Site> sites) {
        this.username = username;
        this.userId = userId;
        this.manageTickets = manageTickets;
        this.createTickets = createTickets;
        this.sites = sites;
    }

    /** The demo locations and their ids. */
    enum Site {
        NORTH(1),
        SOUTH(2),
        EAST(3);

        final long id;

        Site(long id) {
            this.id = id;
        }
    }
}
