-- Replies by e-mail (issue 15). Portable SQL for H2 2.x and PostgreSQL. (V6 is kept free for the
-- access-change log of another branch; Flyway applies a V7 without a V6 on a fresh database.)
--
-- reply_token: the secret in the Reply-To address (helpdesk+<token>@domain) of a mail about a
-- ticket, 128 random bits made when the row is written, in the transaction of the change: the
-- token names the ticket and the person the mail went to (ticket_id, recipient_id), and a reply
-- counts only from that person's address. One token per mail, never shared, so no two writers
-- ever race for one; a mail sent again (a node died before marking it SENT) keeps its token.
-- Outbox rows are never deleted while their tokens should still take replies.
ALTER TABLE mail_outbox ADD COLUMN reply_token VARCHAR(32);
CREATE UNIQUE INDEX ux_mail_outbox_reply_token ON mail_outbox (reply_token);

-- mail_inbound: every fetched message by its Message-ID, written in the same transaction as the
-- response it caused (or its refusal): a message fetched again (the node died after the commit
-- but before marking it \Seen) is recognised and never posted twice; one whose transaction rolled
-- back has no row and is handled again.
CREATE TABLE mail_inbound (
    message_id  VARCHAR(998)             NOT NULL PRIMARY KEY,
    outcome     VARCHAR(20)              NOT NULL,
    sender      VARCHAR(320),
    ticket_id   BIGINT,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_mail_inbound_ticket ON mail_inbound (ticket_id);

-- mail_fetch_lock: one row, locked with SELECT ... FOR UPDATE SKIP LOCKED by the node that
-- fetches the mailbox for the length of one round; the other nodes skip that round, so the
-- mailbox is read by one node at a time in the cluster. A node that dies loses its connection and
-- with it the lock.
CREATE TABLE mail_fetch_lock (
    id         INTEGER                  NOT NULL PRIMARY KEY,
    fetched_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO mail_fetch_lock (id, fetched_at) VALUES (1, NULL);
