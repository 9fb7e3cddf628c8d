-- E-mail notifications (issue 15). Portable SQL for H2 2.x and PostgreSQL.
--
-- mail_outbox: each notification is written here in the same transaction as the ticket change
-- that causes it, so a rolled-back change leaves no row and a committed one is never forgotten.
-- The sender (org.helpdesk.mail.MailSender) claims due PENDING rows with SELECT ... FOR UPDATE
-- SKIP LOCKED, so on a cluster each row is sent by one node; it marks a row SENT, or counts the
-- failed attempt and moves next_attempt_at on (exponential back-off), or after the configured time
-- marks it DEAD, for an administrator to see and retry.
CREATE SEQUENCE mail_outbox_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mail_outbox (
    id              BIGINT                   NOT NULL PRIMARY KEY,
    recipient_id    BIGINT                   NOT NULL REFERENCES app_user (id),
    recipient       VARCHAR(320)             NOT NULL,
    kind            VARCHAR(30)              NOT NULL,
    ticket_id       BIGINT                   REFERENCES ticket (id),
    subject         VARCHAR(300)             NOT NULL,
    text_body       VARCHAR(40000)           NOT NULL,
    html_body       VARCHAR(200000)          NOT NULL,
    state           VARCHAR(10)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    CONSTRAINT ck_mail_outbox_state CHECK (state IN ('PENDING', 'SENT', 'DEAD'))
);
-- The sender's claim: due pending rows, oldest due first.
CREATE INDEX ix_mail_outbox_state_due ON mail_outbox (state, next_attempt_at, id);
-- A ticket's mails (the tests and an administrator's look at one ticket).
CREATE INDEX ix_mail_outbox_ticket ON mail_outbox (ticket_id, id);

-- Per-user preferences: one row per kind of notification the user has turned off. No row: the
-- kind is on (every kind is on by default).
CREATE TABLE notification_opt_out (
    user_id BIGINT      NOT NULL REFERENCES app_user (id),
    kind    VARCHAR(30) NOT NULL,
    PRIMARY KEY (user_id, kind)
);
