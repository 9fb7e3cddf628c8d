package org.helpdesk.cannedresponse;

/**
 * A template as the staff member sees it: {@code shared} for the ones every staff member has,
 * {@code editable} where the caller may change it (shared: administrators; personal: its owner,
 * the only one who sees it).
 */
public record CannedResponseView(long id, long version, String title, String text, boolean shared, boolean editable) {}
