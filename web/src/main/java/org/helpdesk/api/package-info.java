/**
 * The REST API under {@code /api/v1}: resources that turn JSON into calls of the same EJBs the
 * pages use, and the EJBs' answers and refusals into records and problem details. They decide
 * nothing themselves.
 * <ul>
 * <li>Resources, one per resource of the API: {@code TicketsResource} (the list, a new request),
 * {@code TicketResource} (one ticket: view, text, status, assignee, category),
 * {@code TicketMessagesResource}, {@code TicketAttachmentsResource}, {@code MeResource},
 * {@code CategoriesResource}; their request bodies are records nested in them.
 * <li>The records they answer with ({@code TicketView}, {@code TicketItem}, {@code TicketPage}
 * ...), made from the EJBs' records in one place each, never from entities.
 * <li>The translation of HTTP: {@code ApiInput} (codes and numbers in), {@code FormParts}
 * (multipart forms in), {@code TicketResponses} (ETag out, If-Match in), {@code JsonSettings}.
 * <li>The one error shape, {@code Problem}, and the providers that produce it for every failure:
 * the exception mappers, {@code UnreadableBodyInterceptor} and {@code RequestSizeLimit}.
 * <li>{@code ApiOriginFilter}: a write made with the browser's session cookie must come from
 * Helpdesk's own pages (CSRF).
 * <li>The OpenAPI document's shared parts on {@code ApiApplication}, its texts in {@code ApiDocs}.
 * </ul>
 */
package org.helpdesk.api;
