package org.helpdesk.it.proof;

import java.util.Set;

/**
 * The demo users as DESIGN.md and the demo data describe them, and the anonymous caller: what the
 * access rules need to know of each, written down independently of the application.
 */
enum Actor {
    ALICE("alice", 1, false, false, true, Set.of(Site.NORTH)),
    RON("ron", 2, false, false, true, Set.of(Site.SOUTH)),
    LOU("lou", 3, false, false, true, Set.of()),
    MARK("mark", 4, true, false, true, Set.of(Site.NORTH)),
    OLIVIA("olivia", 5, true, true, true, Set.of(Site.NORTH, Site.SOUTH, Site.EAST)),
    NORA("nora", 6, false, false, false, Set.of(Site.NORTH)),
    ANONYMOUS(null, 0, false, false, false, Set.of());

    final String username;
    final long userId;
    final boolean manageTickets;
    final boolean administer;
    final boolean createTickets;
    final Set<Site> sites;

    Actor(
            String username,
            long userId,
            boolean manageTickets,
            boolean administer,
            boolean createTickets,
            Set<Site> sites) {
        this.username = username;
        this.userId = userId;
        this.manageTickets = manageTickets;
        this.administer = administer;
        this.createTickets = createTickets;
        this.sites = sites;
    }

    /** The demo user's groups, as the demo data gives them. */
    Set<String> groups() {
        return switch (this) {
            case ALICE -> Set.of("BCBA");
            case RON, LOU -> Set.of("RBT");
            case MARK -> Set.of("MANAGER");
            case OLIVIA -> Set.of("OWNER");
            case NORA, ANONYMOUS -> Set.of();
        };
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
