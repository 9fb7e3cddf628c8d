-- Tickets with their thread, history and attachments. Portable SQL for H2 2.x and PostgreSQL.
-- EclipseLink takes the value a sequence returns as the last id of a block of 50, hence START
-- WITH 50: the first ticket is #1.

CREATE SEQUENCE ticket_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ticket_message_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ticket_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE attachment_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE ticket (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    subject      VARCHAR(200)             NOT NULL,
    details      VARCHAR(20000)           NOT NULL,
    urgency      VARCHAR(20)              NOT NULL,
    status       VARCHAR(20)              NOT NULL,
    location_id  BIGINT                   NOT NULL REFERENCES location (id),
    requester_id BIGINT                   NOT NULL REFERENCES app_user (id),
    assignee_id  BIGINT                   REFERENCES app_user (id),
    category_id  BIGINT                   REFERENCES category (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT                   NOT NULL
);
-- "My tickets": the requester's tickets, by status or not, newest first.
CREATE INDEX ix_ticket_requester_status_created ON ticket (requester_id, status, created_at DESC, id DESC);
CREATE INDEX ix_ticket_requester_created ON ticket (requester_id, created_at DESC, id DESC);
-- The staff queue: the tickets of a location, by status or not, newest first.
CREATE INDEX ix_ticket_location_status_created ON ticket (location_id, status, created_at DESC, id DESC);
CREATE INDEX ix_ticket_location_created ON ticket (location_id, created_at DESC, id DESC);

CREATE TABLE ticket_message (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    ticket_id  BIGINT                   NOT NULL REFERENCES ticket (id),
    author_id  BIGINT                   NOT NULL REFERENCES app_user (id),
    body       VARCHAR(20000)           NOT NULL,
    internal   BOOLEAN                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ticket_message_ticket ON ticket_message (ticket_id, created_at, id);

CREATE TABLE ticket_event (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    ticket_id   BIGINT                   NOT NULL REFERENCES ticket (id),
    actor_id    BIGINT                   NOT NULL REFERENCES app_user (id),
    type        VARCHAR(30)              NOT NULL,
    from_value  VARCHAR(20000),
    to_value    VARCHAR(20000),
    automatic   BOOLEAN                  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_ticket_event_ticket ON ticket_event (ticket_id, occurred_at, id);

-- A file's description; message_id is NULL for the files of the original request.
CREATE TABLE attachment (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    ticket_id    BIGINT                   NOT NULL REFERENCES ticket (id),
    message_id   BIGINT                   REFERENCES ticket_message (id),
    uploaded_by  BIGINT                   NOT NULL REFERENCES app_user (id),
    file_name    VARCHAR(255)             NOT NULL,
    content_type VARCHAR(200)             NOT NULL,
    size_bytes   BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_attachment_ticket ON attachment (ticket_id, id);

-- A file's bytes in pieces of at most 256 KB, written and read one at a time.
CREATE TABLE attachment_chunk (
    attachment_id BIGINT NOT NULL REFERENCES attachment (id),
    chunk_no      INTEGER NOT NULL,
    data          BYTEA  NOT NULL,
    PRIMARY KEY (attachment_id, chunk_no)
);
