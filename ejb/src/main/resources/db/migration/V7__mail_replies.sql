-- Replies by e-mail (issue 15). Portable SQL for H2 2.x and PostgreSQL.
--
-- mail_reply_token: the secret in the Reply-To address (helpdesk+<token>@domain) of every mail
-- about a ticket, one per (ticket, recipient), 128 random bits: a reply names the ticket and the
-- person it was sent to, and the sender's address must still be that person's.
CREATE TABLE mail_reply_token (
    token      VARCHAR(40)              NOT NULL PRIMARY KEY,
    ticket_id  BIGINT                   NOT NULL REFERENCES ticket (id),
    user_id    BIGINT                   NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_mail_reply_token UNIQUE (ticket_id, user_id)
);

-- mail_inbound: every fetched message by its Message-ID, written in the same transaction as the
-- response it caused (or its refusal): a message fetched again (the node died before marking it
-- \Seen, or it was marked unseen) is recognised and never posted twice.
CREATE TABLE mail_inbound (
    message_id  VARCHAR(998)             NOT NULL PRIMARY KEY,
    outcome     VARCHAR(20)              NOT NULL,
    ticket_id   BIGINT,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

