-- Canned responses and the staff dashboard (issue 16). Portable SQL for H2 2.x and PostgreSQL.
-- (V8 is kept free for another branch of issue 16; Flyway applies a V9 without a V8 on a fresh
-- database. A database that ran this V9 before a V8 existed needs Flyway's outOfOrder to take
-- that V8 later: see README, "Canned responses".)
--
-- canned_response: the reply templates of the staff. owner_id NULL: a shared template, kept by
-- administrators and offered to every staff member; otherwise the personal template of that
-- user, whom alone it is shown to. The text keeps its placeholders ({ticket.number}, ...),
-- filled in for a ticket only when a staff member inserts it (CannedResponses).
CREATE SEQUENCE canned_response_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE canned_response (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    title      VARCHAR(200)             NOT NULL,
    body       VARCHAR(20000)           NOT NULL,
    owner_id   BIGINT                   REFERENCES app_user (id),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL
);
CREATE INDEX ix_canned_response_owner ON canned_response (owner_id, title);

-- The dashboard's times, kept by the ticket itself (Ticket.respond, Ticket.changeStatus) in the
-- transaction of the event: when staff first answered the requester and how long after filing,
-- and when the ticket was last resolved (or closed) and how long after filing (NULL while it is
-- not). The durations are stored (milliseconds), so that the median and 90th percentile over a
-- time window read one index range, (location, time, duration), and compute nothing per row.
ALTER TABLE ticket ADD COLUMN first_response_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN first_response_millis BIGINT;
ALTER TABLE ticket ADD COLUMN resolved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_millis BIGINT;

-- The tickets that exist already: the first response is the first visible message of someone
-- other than the requester; the resolution the last move from open or in progress to resolved
-- or closed, for the tickets that are resolved or closed now.
UPDATE ticket SET first_response_at = (
    SELECT MIN(m.created_at) FROM ticket_message m
    WHERE m.ticket_id = ticket.id AND m.internal = FALSE AND m.author_id <> ticket.requester_id);
UPDATE ticket SET resolved_at = (
    SELECT MAX(e.occurred_at) FROM ticket_event e
    WHERE e.ticket_id = ticket.id AND e.type = 'STATUS_CHANGED'
      AND e.from_value IN ('open', 'in_progress') AND e.to_value IN ('resolved', 'closed'))
WHERE status IN ('RESOLVED', 'CLOSED');
UPDATE ticket SET resolved_at = updated_at WHERE status IN ('RESOLVED', 'CLOSED') AND resolved_at IS NULL;
UPDATE ticket SET first_response_millis =
    CAST((EXTRACT(EPOCH FROM first_response_at) - EXTRACT(EPOCH FROM created_at)) * 1000 AS BIGINT)
WHERE first_response_at IS NOT NULL;
UPDATE ticket SET resolution_millis =
    CAST((EXTRACT(EPOCH FROM resolved_at) - EXTRACT(EPOCH FROM created_at)) * 1000 AS BIGINT)
WHERE resolved_at IS NOT NULL;

-- The dashboard's windows: first responses and resolutions of the last 90 days, resolutions per
-- week, at the caller's locations, each one index range (the tickets created per week read
-- ix_ticket_location_created of V2).
CREATE INDEX ix_ticket_location_first_response ON ticket (location_id, first_response_at, first_response_millis);
CREATE INDEX ix_ticket_location_resolved ON ticket (location_id, resolved_at, resolution_millis);
