-- Administration of the database store's accounts (issue 13 §2): a temporary password set by an
-- administrator (or by the first-administrator bootstrap) must be changed at the next sign-in, and
-- every change of someone's access is recorded. Portable SQL for H2 2.x and PostgreSQL.

ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

CREATE SEQUENCE access_change_seq START WITH 1000 INCREMENT BY 50;

-- Who changed whose access, from what to what, and when. Written in the transaction of the change
-- itself (a refused or rolled-back change leaves no row) and never updated. actor_name is a user
-- name, or the bootstrap's property name for the first administrator; before/after hold names
-- (groups, locations, active/inactive), never a password or its hash.
CREATE TABLE access_change (
    id           BIGINT                   NOT NULL PRIMARY KEY,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_name   VARCHAR(100)             NOT NULL,
    user_id      BIGINT                   NOT NULL REFERENCES app_user (id),
    kind         VARCHAR(30)              NOT NULL,
    before_value VARCHAR(2000),
    after_value  VARCHAR(2000)
);
-- The log newest first, and one user's changes.
CREATE INDEX ix_access_change_changed ON access_change (changed_at DESC, id DESC);
CREATE INDEX ix_access_change_user ON access_change (user_id, changed_at DESC);
