-- The staff queue on a million tickets (see README, "Performance"). Portable SQL for H2 2.x and
-- PostgreSQL.
--
-- 1. The queue sorts by urgency and by status in their own order (low..critical, open..closed),
--    not alphabetically: each ticket keeps both ranks (the enums' ordinals) in columns that an
--    index can order by.
ALTER TABLE ticket ADD COLUMN urgency_rank SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE ticket ADD COLUMN status_rank SMALLINT DEFAULT 0 NOT NULL;
UPDATE ticket SET
    urgency_rank = CASE urgency WHEN 'LOW' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END,
    status_rank = CASE status WHEN 'OPEN' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'RESOLVED' THEN 2 ELSE 3 END;

-- 2. One index per order of the queue, read forwards or backwards (the sort key, then created and
--    id in the same direction). Led by the location, for staff of one location; and led by the
--    order with the location last, for staff of several, whose page is the first rows of the
--    order that are at one of their locations (an index-only walk).
CREATE INDEX ix_ticket_location_updated ON ticket (location_id, updated_at DESC, id DESC);
CREATE INDEX ix_ticket_location_urgency ON ticket (location_id, urgency_rank DESC, created_at DESC, id DESC);
CREATE INDEX ix_ticket_location_status_rank ON ticket (location_id, status_rank DESC, created_at DESC, id DESC);
-- The queue's filters by category and by assignee (unassigned: NULL) at a location, newest first.
CREATE INDEX ix_ticket_location_category ON ticket (location_id, category_id, created_at DESC, id DESC);
CREATE INDEX ix_ticket_location_assignee ON ticket (location_id, assignee_id, created_at DESC, id DESC);
CREATE INDEX ix_ticket_created ON ticket (created_at DESC, id DESC, location_id);
CREATE INDEX ix_ticket_updated ON ticket (updated_at DESC, id DESC, location_id);
CREATE INDEX ix_ticket_urgency ON ticket (urgency_rank DESC, created_at DESC, id DESC, location_id);
CREATE INDEX ix_ticket_status_rank ON ticket (status_rank DESC, created_at DESC, id DESC, location_id);

-- 3. The number of tickets per location and status, kept by the transactions that file a ticket
--    or change its status: each inserts its changes (+1 / -1) as rows of their own, so no two
--    writers ever wait for the same row (ticket_id names the ticket that changed; NULL on a folded
--    row). TicketCounts adds up the rows of a location (few:
--    it folds them into one row per location and status every few seconds).
CREATE SEQUENCE ticket_count_change_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE ticket_count_change (
    id          BIGINT      NOT NULL PRIMARY KEY,
    ticket_id   BIGINT      REFERENCES ticket (id),
    location_id BIGINT      NOT NULL REFERENCES location (id),
    status      VARCHAR(20) NOT NULL,
    delta       BIGINT      NOT NULL
);
CREATE INDEX ix_ticket_count_change_location ON ticket_count_change (location_id, status, delta);
-- The tickets that exist already, as folded rows (negative ids: the sequence's are positive).
INSERT INTO ticket_count_change (id, location_id, status, delta)
SELECT -ROW_NUMBER() OVER (ORDER BY location_id, status), location_id, status, COUNT(*)
FROM ticket GROUP BY location_id, status;
