package org.helpdesk.web.staff;

import java.util.Optional;

import org.helpdesk.ticket.BulkChange;
import org.helpdesk.ticket.SelectedTicket;
import org.helpdesk.ticket.Status;

/**
 * The bulk form's values as text: a change as "assignee:4", "assignee:none", "status:open",
 * "category:3" or "category:none", a ticked row as "id:version". Anything else is no change or no
 * ticket, which the EJB then refuses as such.
 */
final class BulkChanges {

    static final String UNASSIGN = "assignee:none";
    static final String NO_CATEGORY = "category:none";

    private BulkChanges() {}

    static String assign(long userId) {
        return "assignee:" + userId;
    }

    static String status(Status status) {
        return "status:" + status.code();
    }

    static String categorise(long categoryId) {
        return "category:" + categoryId;
    }

    /** The change a menu value names; {@code null} where it names none ("choose a change"). */
    static BulkChange parse(String value) {
        if (value == null || !value.contains(":")) {
            return null;
        }
        String kind = value.substring(0, value.indexOf(':'));
        String argument = value.substring(value.indexOf(':') + 1);
        return switch (kind) {
            case "assignee" ->
                "none".equals(argument)
                        ? BulkChange.assign(null)
                        : idOf(argument).map(BulkChange::assign).orElse(null);
            case "status" -> Status.fromCode(argument).map(BulkChange::status).orElse(null);
            case "category" ->
                "none".equals(argument)
                        ? BulkChange.categorise(null)
                        : idOf(argument).map(BulkChange::categorise).orElse(null);
            default -> null;
        };
    }

    static Optional<SelectedTicket> selectedTicket(String value) {
        int colon = value == null ? -1 : value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        Optional<Long> id = idOf(value.substring(0, colon));
        Optional<Long> version = idOf(value.substring(colon + 1));
        return id.isPresent() && version.isPresent()
                ? Optional.of(new SelectedTicket(id.get(), version.get()))
                : Optional.empty();
    }

    private static Optional<Long> idOf(String digits) {
        return digits.matches("\\d{1,18}") ? Optional.of(Long.valueOf(digits)) : Optional.empty();
    }
}
