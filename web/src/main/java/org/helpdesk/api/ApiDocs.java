package org.helpdesk.api;

/**
 * The descriptions and examples of the OpenAPI document (served at /openapi) that more than one
 * annotation uses or that are too long to read inline. Each example is what the API answers for
 * the demo data.
 */
final class ApiDocs {

    static final String IF_MATCH = "The ETag of the ticket as the client last saw it. If the ticket has changed "
            + "since, nothing is written and the answer is 412. Without If-Match the change applies to the ticket as "
            + "it is.";

    static final String ETAG = "The ticket's version, for the If-Match of the next write.";

    static final String CREATE_TICKET = "As JSON, or as a multipart form with the same fields and up to 5 files of at "
            + "most 10 MB each in parts named attachments (Rule 5). The new ticket is open, whatever the request says "
            + "(Rule 4). Too many or too large files are a 400 naming the field attachments, and nothing is stored; a "
            + "request body over 51 MB (1 MB for JSON) is a 413, and a multipart request without a Content-Length "
            + "a 411.";

    static final String ADD_MESSAGE = "A response in the thread or, with internal true, a staff-only internal note "
            + "(Rule 7); as JSON, or as a multipart form with the same fields and up to 5 files of at most 10 MB each "
            + "in parts named attachments (Rule 5). Staff responding to an open ticket put it in progress (Rule 8); a "
            + "requester responding to a resolved ticket reopens it; a closed ticket takes no response (409).";

    static final String TICKET_REQUEST = """
            {"subject": "The printer jams", "details": "Every second page jams in the printer by the front desk.",
             "urgency": "high", "locationId": 1}""";

    static final String TICKET_FORM = """
            {"subject": "The printer jams", "details": "Every second page jams in the printer by the front desk.",
             "urgency": "high", "locationId": "1", "attachments": ["(photo.jpg)", "(error-log.txt)"]}""";

    static final String NEW_TICKET = """
            {"id": 42, "subject": "The printer jams",
             "details": "Every second page jams in the printer by the front desk.",
             "urgency": "high", "status": "open", "location": {"id": 1, "name": "North Clinic"},
             "requester": {"id": 1, "username": "alice", "displayName": "Alice Archer"},
             "assignee": null, "category": null,
             "createdAt": "2025-03-04T09:15:30.120Z", "updatedAt": "2025-03-04T09:15:30.120Z",
             "attachments": [], "messages": [], "history": []}""";

    static final String TICKET = """
            {"id": 42, "subject": "The printer jams",
             "details": "Every second page jams in the printer by the front desk.",
             "urgency": "high", "status": "in_progress", "location": {"id": 1, "name": "North Clinic"},
             "requester": {"id": 1, "username": "alice", "displayName": "Alice Archer"},
             "assignee": {"id": 4, "username": "mark", "displayName": "Mark Mendez"},
             "category": {"id": 3, "name": "Technical"},
             "createdAt": "2025-03-04T09:15:30.120Z", "updatedAt": "2025-03-04T10:02:11.007Z",
             "attachments": [{"id": 7, "fileName": "photo.jpg", "size": 48213, "contentType": "image/jpeg"}],
             "messages": [{"id": 108, "author": {"id": 4, "username": "mark", "displayName": "Mark Mendez"},
                           "text": "We have ordered a new roller.", "internal": false,
                           "createdAt": "2025-03-04T10:02:11.007Z", "attachments": []}],
             "history": [{"type": "status_changed",
                          "actor": {"id": 4, "username": "mark", "displayName": "Mark Mendez"},
                          "from": "open", "to": "in_progress", "automatic": true,
                          "at": "2025-03-04T10:02:11.007Z"}]}""";

    static final String TICKET_PAGE = """
            {"items": [{"id": 42, "subject": "The printer jams",
                        "details": "Every second page jams in the printer by the front desk.",
                        "urgency": "high", "status": "open", "location": {"id": 1, "name": "North Clinic"},
                        "requester": {"id": 1, "username": "alice", "displayName": "Alice Archer"},
                        "assignee": null, "category": null,
                        "createdAt": "2025-03-04T09:15:30.120Z", "updatedAt": "2025-03-04T09:15:30.120Z"}],
             "page": 1, "limit": 25, "totalItems": 1, "totalPages": 1}""";

    static final String REQUEST_TEXT_CHANGE = """
            {"subject": "The printer jams on double-sided pages"}""";

    static final String STATUS_CHANGE = """
            {"status": "in_progress"}""";

    static final String ASSIGNEE_CHANGE = """
            {"assigneeId": 4}""";

    static final String CATEGORY_CHANGE = """
            {"categoryId": 3}""";

    static final String MESSAGE_REQUEST = """
            {"text": "We have ordered a new roller.", "internal": false}""";

    static final String MESSAGE_FORM = """
            {"text": "Here is the error page.", "internal": "false", "attachments": ["(screenshot.png)"]}""";

    static final String NOTIFICATIONS = """
            {"ticket_filed": true, "staff_response": true, "status_changed": false}""";

    static final String ME = """
            {"id": 1, "username": "alice", "displayName": "Alice Archer", "permissions": ["create_tickets"],
             "locations": [{"id": 1, "name": "North Clinic"}]}""";

    static final String CATEGORIES = """
            [{"id": 4, "name": "Account", "active": true}, {"id": 1, "name": "Billing", "active": true}]""";

    static final String NEW_CATEGORY = """
            {"name": "Hardware"}""";

    static final String CATEGORY = """
            {"id": 6, "name": "Hardware", "active": true}""";

    static final String UNAUTHORIZED = """
            {"type": "about:blank", "title": "Unauthorized", "status": 401,
             "detail": "Sign in with HTTP Basic credentials.", "code": "UNAUTHORIZED", "errors": []}""";

    static final String FORBIDDEN = """
            {"type": "about:blank", "title": "Forbidden", "status": 403,
             "detail": "You do not have permission for this action.", "code": "FORBIDDEN", "errors": []}""";

    static final String TICKET_NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Ticket not found",
             "code": "NOT_FOUND", "errors": []}""";

    static final String ATTACHMENT_NOT_FOUND = """
            {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Attachment not found",
             "code": "NOT_FOUND", "errors": []}""";

    static final String VALIDATION_FAILED = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "Choose an urgency: low, medium, high or critical.", "code": "VALIDATION_FAILED",
             "errors": [{"field": "urgency", "message": "Choose an urgency: low, medium, high or critical."}]}""";

    static final String CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409,
             "detail": "This request is closed and takes no more responses.", "code": "CONFLICT", "errors": []}""";

    static final String PRECONDITION_FAILED = """
            {"type": "about:blank", "title": "Precondition Failed", "status": 412,
             "detail": "This request was changed by someone else in the meantime. Reload it to see the changes.",
             "code": "PRECONDITION_FAILED", "errors": []}""";

    static final String PAYLOAD_TOO_LARGE = """
            {"type": "about:blank", "title": "Request Entity Too Large", "status": 413,
             "detail": "The request body is larger than 51 MB.", "code": "PAYLOAD_TOO_LARGE", "errors": []}""";

    static final String LENGTH_REQUIRED = """
            {"type": "about:blank", "title": "Length Required", "status": 411,
             "detail": "Send a multipart request with its Content-Length, so that its size is known before it is read.",
             "code": "LENGTH_REQUIRED", "errors": []}""";

    static final String UNSUPPORTED_MEDIA_TYPE = """
            {"type": "about:blank", "title": "Unsupported Media Type", "status": 415,
             "detail": "This call takes application/json (or multipart/form-data where it takes files).",
             "code": "UNSUPPORTED_MEDIA_TYPE", "errors": []}""";

    private ApiDocs() {}
}
