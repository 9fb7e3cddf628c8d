package org.helpdesk.cannedresponse;

/**
 * A template as its author typed it: title, text with placeholders, and whether it is a shared
 * one (administrators only) or the author's own. Checked by {@link CannedResponses}, which names
 * every field at fault at once.
 */
public record CannedResponseDraft(String title, String text, boolean shared) {}
