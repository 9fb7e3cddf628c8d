package org.helpdesk.ticket;

import java.io.Serializable;

/**
 * A ticket chosen for a bulk change, with the version the caller saw ({@code null}: as it is now, the API's choice as for a single change): the change is refused for it
 * if it has changed since, exactly as a single change from the ticket page would be.
 */
public record SelectedTicket(long id, Long version) implements Serializable {}
