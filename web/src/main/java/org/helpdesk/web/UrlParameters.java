package org.helpdesk.web;

/**
 * Reads list parameters from a URL the way a shared link deserves: anything malformed counts as
 * absent, so that a mistyped link shows the default list instead of an error.
 */
public final class UrlParameters {

    private UrlParameters() {}

    public static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException malformed) {
            return fallback;
        }
    }

    public static Long idOrNull(String value) {
        try {
            long id = value == null ? 0 : Long.parseLong(value.strip());
            return id > 0 ? id : null;
        } catch (NumberFormatException malformed) {
            return null;
        }
    }
}
