package org.helpdesk.web.security;

/**
 * Where the login page may send someone after sign-in: only a path of this application, never
 * another site (no open redirect through {@code ?continue=}).
 */
public final class SafeRedirect {

    static final String DEFAULT_TARGET = "/tickets/my-tickets";

    private SafeRedirect() {}

    /** The requested path if it is a local one, else the user's ticket list. */
    public static String localPathOr(String requested) {
        if (requested == null
                || requested.isBlank()
                || !requested.startsWith("/")
                || requested.startsWith("//")
                || requested.contains("\\")
                || requested.chars().anyMatch(Character::isISOControl)
                || requested.startsWith(HelpdeskAuthenticationMechanism.LOGIN_PAGE)) {
            return DEFAULT_TARGET;
        }
        return requested;
    }
}
