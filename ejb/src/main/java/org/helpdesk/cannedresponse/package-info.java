/**
 * Canned responses: the staff's reply templates, shared ones kept by administrators and personal
 * ones kept by their owner ({@link org.helpdesk.cannedresponse.CannedResponses}), and their
 * placeholders ({@link org.helpdesk.cannedresponse.Placeholders}), filled in for one ticket when a
 * staff member inserts a template into a response or a note. Nothing here sends anything: the
 * filled text goes to the ticket's own response and note methods, after the staff member edited
 * it. This package uses {@code ticket} (to read the ticket a template is filled for); the ticket
 * package knows nothing of it.
 */
package org.helpdesk.cannedresponse;
