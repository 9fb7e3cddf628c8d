/**
 * The REST API under {@code /api/v1}: resources that turn JSON into calls of the same EJBs the
 * pages use, and the EJBs' answers and refusals into records and problem details. They decide
 * nothing themselves.
 */
package org.helpdesk.api;
