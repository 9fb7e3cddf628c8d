-- The benchmark's data, written by bench/generate-data.sh with psql after the application's own
-- migrations (schema and demo directory) have run: psql -v tickets=N -f generate-data.sql.
--
-- Set-based: every table is filled by one INSERT ... SELECT from a plan of the tickets, so a million
-- tickets take minutes, not hours. The plan draws every random choice once (setseed: the same N
-- gives the same data), and the rows follow it exactly as the application would have written them
-- had the tickets been filed and handled one by one: the history events of each change (Ticket's
-- methods), updated_at as the last change the requester can see, the version as the number of
-- transactions that wrote the ticket, and the sequences past every id, so the application keeps
-- creating. Everything happens in one transaction: a failure leaves no half-filled database.

\set ON_ERROR_STOP on
\timing off
SET client_min_messages = warning;
-- Session settings only: the sorts and joins of the load stay in memory; one commit at the end.
SET work_mem = '128MB';
SET maintenance_work_mem = '256MB';
SET synchronous_commit = off;

BEGIN;

SELECT setseed(0.12) AS seeded \gset

-- The 2,000 generated requesters: user 1000 + k works at clinic ((k - 1) % 3) + 1, is a BCBA or
-- an RBT (both file tickets, configure-permissions.cli), and signs in with "demo" (the hash of the
-- demo users, written by the demo migration as the identity store expects it).
CREATE TEMP TABLE bench_requester ON COMMIT DROP AS
SELECT 1000 + k AS id,
       k,
       ((k - 1) % 3) + 1 AS location_id,
       'requester' || lpad(k::text, 4, '0') AS username,
       (ARRAY['Aaron', 'Beth', 'Carlos', 'Dana', 'Elif', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas',
              'Keiko', 'Liam', 'Maya', 'Nils', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara',
              'Umar', 'Vera', 'Wes', 'Xenia', 'Yusuf', 'Zoe', 'Amir', 'Bianca', 'Cole', 'Dina',
              'Emil', 'Freya', 'Gus', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Milo', 'Noor'])[(k - 1) % 40 + 1]
           || ' '
           || (ARRAY['Abbott', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen',
                     'Khan', 'Lopez', 'Meyer', 'Novak', 'Olsen', 'Patel', 'Quinto', 'Reyes', 'Silva', 'Tanaka',
                     'Ueda', 'Vargas', 'Weber', 'Xu', 'Young', 'Zimmer', 'Adler', 'Brandt', 'Costa', 'Dubois',
                     'Engel', 'Ford', 'Gray', 'Holm', 'Iqbal', 'Jovanovic', 'Kowalski', 'Lund', 'Moreau', 'Nakamura',
                     'Ortiz', 'Park', 'Quist', 'Rossi', 'Sato', 'Torres', 'Unger', 'Voss', 'Wolf', 'Yilmaz'])[(k - 1) / 40 + 1]
           AS display_name,
       CASE WHEN k % 2 = 1 THEN 'BCBA' ELSE 'RBT' END AS group_name
FROM generate_series(1, 2000) AS k;

INSERT INTO app_user (id, username, display_name, password_hash, active, version)
SELECT r.id, r.username, r.display_name, alice.password_hash, TRUE, 0
FROM bench_requester r, app_user alice
WHERE alice.username = 'alice'
ORDER BY r.id;
INSERT INTO user_group (user_id, group_name) SELECT id, group_name FROM bench_requester ORDER BY id;
INSERT INTO user_location (user_id, location_id) SELECT id, location_id FROM bench_requester ORDER BY id;

-- The tickets' tables are filled without their secondary indexes and foreign keys, which are then
-- built in one pass and validated by one join each: much faster than row by row. Their definitions
-- are read from the catalog as the migrations created them, and put back exactly so.
CREATE TEMP TABLE bench_deferred ON COMMIT DROP AS
SELECT 1 AS step, c.conrelid::regclass::text AS table_name, c.conname::text AS name,
       format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
           AS definition
FROM pg_constraint c
WHERE c.contype = 'f' AND c.conrelid IN ('ticket'::regclass, 'ticket_message'::regclass, 'ticket_event'::regclass)
UNION ALL
SELECT 0, i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i
WHERE i.indrelid IN ('ticket'::regclass, 'ticket_message'::regclass, 'ticket_event'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);

DO $$
DECLARE
    deferred record;
BEGIN
    FOR deferred IN SELECT * FROM bench_deferred ORDER BY step DESC LOOP
        IF deferred.step = 1 THEN
            EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', deferred.table_name, deferred.name);
        ELSE
            EXECUTE format('DROP INDEX %s', deferred.name);
        END IF;
    END LOOP;
END
$$;

-- The plan: one row per ticket with every choice drawn. Ticket ids follow creation time (oldest
-- first, spread evenly over the three years before now). Alice (user 1, North Clinic) owns an even
-- spread of min(10,000, N / 10) of them; the others belong to a random generated requester, at
-- that requester's clinic. Status 30 / 40 / 20 / 10 %, urgency 30 / 40 / 20 / 10 % from low to
-- critical, a category on 80 %, a response on 30 %, "printer" in one ticket in a thousand.
CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
WITH params AS (
    SELECT :tickets::bigint AS n,
           LEAST(10000, :tickets / 10)::bigint AS alice_tickets,
           extract(epoch FROM date_trunc('second', now()))::float8 AS now_s,
           3 * 365.25 * 86400 AS span_s),
drawn AS (
    SELECT g AS id,
           (g * alice_tickets / n) > ((g - 1) * alice_tickets / n) AS alice,
           floor(random() * 2000)::int AS requester_k,
           random() AS r_status,
           random() AS r_urgency,
           random() AS r_category,
           random() AS r_staff,
           random() < 0.3 AS responded,
           random() < 0.001 AS printer,
           now_s - span_s + (g - 1 + 0.9 * random()) * span_s / n AS created_s,
           600 + random() * 259200 AS triage_delay_s,
           3600 + random() * 432000 AS status_delay_s,
           3600 + random() * 172800 AS answer_delay_s,
           floor(random() * 12)::int AS topic,
           floor(random() * 8)::int AS context,
           floor(random() * 6)::int AS closing,
           floor(random() * 4)::int AS reply,
           now_s
    FROM params, generate_series(1, params.n) AS g),
chosen AS (
    SELECT d.*,
           CASE WHEN alice THEN 1 ELSE 1001 + requester_k END AS requester_id,
           CASE WHEN alice THEN 1 ELSE requester_k % 3 + 1 END AS location_id,
           CASE WHEN r_status < 0.3 THEN 'OPEN' WHEN r_status < 0.7 THEN 'IN_PROGRESS'
                WHEN r_status < 0.9 THEN 'RESOLVED' ELSE 'CLOSED' END AS status,
           CASE WHEN r_urgency < 0.3 THEN 'LOW' WHEN r_urgency < 0.7 THEN 'MEDIUM'
                WHEN r_urgency < 0.9 THEN 'HIGH' ELSE 'CRITICAL' END AS urgency,
           CASE WHEN r_category < 0.8 THEN floor(r_category * 6.25)::int + 1 END AS category_id
    FROM drawn d),
handled AS (
    -- Who handles it: staff who see its clinic, Mark or Olivia at the North Clinic, Olivia elsewhere.
    SELECT c.*,
           CASE WHEN location_id = 1 AND r_staff < 0.5 THEN 4 ELSE 5 END AS staff_id,
           status <> 'OPEN' OR category_id IS NOT NULL AS triaged
    FROM chosen c),
planned AS (
SELECT id, requester_id, location_id, status, urgency, category_id, printer, topic, context, closing, reply,
       staff_id,
       CASE WHEN status <> 'OPEN' THEN staff_id END AS assignee_id,
       -- Open tickets are answered by their requester (which changes nothing, Rule 8); the others by
       -- their assignee, which puts them in progress first; a later change moves them on.
       responded,
       CASE WHEN NOT responded THEN NULL WHEN status = 'OPEN' THEN requester_id ELSE staff_id END AS author_id,
       to_timestamp(created_s) AS created_at,
       CASE WHEN triaged THEN to_timestamp(LEAST(created_s + triage_delay_s, now_s)) END AS triaged_at,
       CASE WHEN responded AND status = 'OPEN' THEN to_timestamp(LEAST(created_s + answer_delay_s, now_s))
            WHEN responded THEN to_timestamp(LEAST(created_s + triage_delay_s + 60, now_s)) END AS answered_at,
       CASE WHEN responded AND status NOT IN ('OPEN', 'IN_PROGRESS')
            THEN to_timestamp(LEAST(created_s + triage_delay_s + 60 + status_delay_s, now_s)) END AS moved_at
FROM handled)
-- The texts: subject, details and the response (when there is one) from a few sentences.
SELECT p.*,
       CASE WHEN p.printer
            THEN (ARRAY['The printer jams on every second page', 'The printer at the front desk prints blank pages',
                        'Nothing arrives at the printer in room 2'])[p.topic % 3 + 1]
            ELSE (ARRAY['Cannot sign in to the scheduling system', 'Invoice shows the wrong amount',
                        'Session notes did not save', 'Need access to the shared calendar', 'Laptop will not start',
                        'Parking permit renewal', 'Wi-Fi drops in the therapy room', 'Request for a new headset',
                        'Client file is missing a page', 'Password reset needed',
                        'Appointment reminders were not sent', 'Projector in the meeting room flickers'])[p.topic + 1]
       END AS subject,
       CASE WHEN p.printer
            THEN (ARRAY['Every second page jams in the printer by the front desk.',
                        'The printer at the front desk prints only blank pages.',
                        'My documents never arrive at the printer in room 2.'])[p.topic % 3 + 1]
            ELSE (ARRAY['The scheduling system says my password is wrong since this morning.',
                        'The invoice for last month charges two sessions twice.',
                        'I wrote my session notes and they were gone after I pressed save.',
                        'I cannot see the shared calendar of my team.',
                        'My laptop shows a black screen and does not start.',
                        'My parking permit expires at the end of the month.',
                        'The Wi-Fi connection drops every few minutes in the therapy room.',
                        'The microphone of my headset crackles during video calls.',
                        'A page of the intake form is missing from a client file.',
                        'I forgot my password and the reset link has expired.',
                        'Families did not receive their appointment reminders yesterday.',
                        'The projector in the meeting room flickers and turns itself off.'])[p.topic + 1]
       END
       || ' '
       || (ARRAY['It started on Monday.', 'It happens every day.', 'A colleague has the same problem.',
                 'I restarted everything already.', 'It worked fine last week.', 'This blocks my work with clients.',
                 'It only happens in the afternoon.', 'The screen just shows an error.'])[p.context + 1]
       || ' '
       || (ARRAY['Please call me back.', 'Please let me know what to do.', 'Thank you.', 'Thanks in advance.',
                 'Could someone have a look?', 'I am at the front desk all day.'])[p.closing + 1] AS details,
       CASE WHEN NOT p.responded THEN NULL
            WHEN p.status = 'OPEN'
            THEN (ARRAY['Any news on this?', 'It is still happening today.',
                        'Is there anything I can do meanwhile?', 'It got worse since yesterday.'])[p.reply + 1]
            WHEN p.printer THEN 'We have ordered a new roller for the printer.'
            ELSE (ARRAY['Thank you, we are looking into it.', 'We have found the cause and are fixing it.',
                        'Please try again now and tell us whether it works.',
                        'A technician will come by tomorrow morning.'])[p.reply + 1]
       END AS reply_body
FROM planned p
ORDER BY p.id;

-- The triggers of the text search (db/postgresql/V1__text_search.sql) are off for the load: the
-- tickets get their words set-based below, as the triggers would have written them.
ALTER TABLE ticket DISABLE TRIGGER USER;
ALTER TABLE ticket_message DISABLE TRIGGER USER;

-- The tickets. Version: one for the insert, one more per transaction that changed the ticket
-- (the triage, the response, the later change of status).
-- The SLA clocks (V8__sla_clocks.sql) with the default targets, approximated: a working hour is
-- three hours of the calendar (8 working hours a day, weekends not left out). The first-response
-- clock stopped when a ticket left "open", the resolution clock is paused on resolved and stopped
-- on closed tickets; a running clock past its due time has its breach marked as recorded (as the
-- timer would have; the events themselves are not generated), so that the server's breach timer
-- finds nothing old to do while the benchmark runs.
INSERT INTO ticket (id, subject, details, urgency, status, location_id, requester_id, assignee_id, category_id,
                    created_at, updated_at, version, urgency_rank, status_rank, search_words,
                    first_response_due_at, first_response_stopped_at, first_response_breached,
                    resolution_due_at, resolution_paused_at, resolution_stopped_at, resolution_breached,
                    sla_due_at, sla_watch_at,
                    first_response_at, first_response_millis, resolved_at, resolution_millis)
SELECT p.id,
       p.subject,
       p.details,
       p.urgency,
       p.status,
       p.location_id,
       p.requester_id,
       p.assignee_id,
       p.category_id,
       p.created_at,
       GREATEST(p.created_at, p.triaged_at, p.answered_at, p.moved_at),
       1 + (p.triaged_at IS NOT NULL)::int + p.responded::int + (p.moved_at IS NOT NULL)::int,
       array_position(ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], p.urgency) - 1,
       array_position(ARRAY['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'], p.status) - 1,
       -- As the triggers of db/postgresql/V1__text_search.sql write them: the request's words, then
       -- the response's, all seen by the requester (weight A).
       setweight(to_tsvector('simple', p.subject || ' ' || p.details), 'A')
           || COALESCE(setweight(to_tsvector('simple', p.reply_body), 'A'), ''::tsvector),
       c.first_response_due,
       CASE WHEN p.status <> 'OPEN' THEN COALESCE(p.answered_at, p.moved_at, p.triaged_at, p.created_at) END,
       p.status = 'OPEN' AND c.first_response_due < now(),
       c.resolution_due,
       CASE WHEN p.status = 'RESOLVED' THEN COALESCE(p.moved_at, p.triaged_at, p.created_at) END,
       CASE WHEN p.status = 'CLOSED' THEN COALESCE(p.moved_at, p.triaged_at, p.created_at) END,
       p.status IN ('OPEN', 'IN_PROGRESS') AND c.resolution_due < now(),
       LEAST(CASE WHEN p.status = 'OPEN' THEN c.first_response_due END,
             CASE WHEN p.status IN ('OPEN', 'IN_PROGRESS') THEN c.resolution_due END),
       LEAST(CASE WHEN p.status = 'OPEN' AND c.first_response_due >= now() THEN c.first_response_due END,
             CASE WHEN p.status IN ('OPEN', 'IN_PROGRESS') AND c.resolution_due >= now() THEN c.resolution_due END),
       -- The dashboard's times (V9), as Ticket.respond and Ticket.changeStatus keep them: the first
       -- response is the staff answer (an open ticket's answer is its requester's); the resolution
       -- the move to resolved or closed, after the answer or at the triage.
       p.first_response_at,
       (EXTRACT(EPOCH FROM p.first_response_at - p.created_at) * 1000)::bigint,
       p.resolved_at,
       (EXTRACT(EPOCH FROM p.resolved_at - p.created_at) * 1000)::bigint
FROM (SELECT b.*,
             CASE WHEN b.responded AND b.status <> 'OPEN' THEN b.answered_at END AS first_response_at,
             CASE WHEN b.status IN ('RESOLVED', 'CLOSED') THEN COALESCE(b.moved_at, b.triaged_at) END AS resolved_at
      FROM bench_plan b) p
CROSS JOIN LATERAL (
    SELECT p.created_at + make_interval(mins => 3 * CASE p.urgency WHEN 'CRITICAL' THEN 60 WHEN 'HIGH' THEN 240
                                                        WHEN 'MEDIUM' THEN 480 ELSE 960 END) AS first_response_due,
           p.created_at + make_interval(mins => 3 * CASE p.urgency WHEN 'CRITICAL' THEN 240 WHEN 'HIGH' THEN 480
                                                        WHEN 'MEDIUM' THEN 1440 ELSE 2400 END) AS resolution_due) c
ORDER BY p.id;

-- The responses: one per answered ticket, with the ticket's id as its own.
INSERT INTO ticket_message (id, ticket_id, author_id, body, internal, created_at)
SELECT p.id,
       p.id,
       p.author_id,
       p.reply_body,
       FALSE,
       p.answered_at
FROM bench_plan p
WHERE p.responded
ORDER BY p.id;

-- The history, as Ticket's methods record it, five slots per ticket (id * 5 + slot) so that each
-- ticket's events are in the order they happened: the triage (status when it was not answered,
-- then assignee, then category, as TriageService.triage applies them), the automatic move to "in
-- progress" of a staff answer to an open ticket (Rule 8), the later change of status.
INSERT INTO ticket_event (id, ticket_id, actor_id, type, from_value, to_value, automatic, occurred_at)
SELECT e.id, e.ticket_id, e.actor_id, e.type, e.from_value, e.to_value, e.automatic, e.occurred_at
FROM (
    SELECT p.id * 5 AS id, p.id AS ticket_id, p.staff_id AS actor_id, 'STATUS_CHANGED' AS type,
           'open' AS from_value, lower(p.status) AS to_value, FALSE AS automatic, p.triaged_at AS occurred_at
    FROM bench_plan p
    WHERE p.status <> 'OPEN' AND NOT p.responded
    UNION ALL
    SELECT p.id * 5 + 1, p.id, p.staff_id, 'ASSIGNEE_CHANGED', NULL, u.display_name, FALSE, p.triaged_at
    FROM bench_plan p JOIN app_user u ON u.id = p.assignee_id
    UNION ALL
    SELECT p.id * 5 + 2, p.id, p.staff_id, 'CATEGORY_CHANGED', NULL, c.name, FALSE, p.triaged_at
    FROM bench_plan p JOIN category c ON c.id = p.category_id
    UNION ALL
    SELECT p.id * 5 + 3, p.id, p.staff_id, 'STATUS_CHANGED', 'open', 'in_progress', TRUE, p.answered_at
    FROM bench_plan p
    WHERE p.status <> 'OPEN' AND p.responded
    UNION ALL
    SELECT p.id * 5 + 4, p.id, p.staff_id, 'STATUS_CHANGED', 'in_progress', lower(p.status), FALSE, p.moved_at
    FROM bench_plan p
    WHERE p.moved_at IS NOT NULL
) e
ORDER BY e.id;

-- The number of tickets per location and status (V3__queue_at_scale.sql), as TicketCounts folds
-- the changes that filing and handling the tickets one by one would have written.
DELETE FROM ticket_count_change;
INSERT INTO ticket_count_change (id, location_id, status, delta)
SELECT -ROW_NUMBER() OVER (ORDER BY location_id, status), location_id, status, COUNT(*)
FROM ticket GROUP BY location_id, status;

ALTER TABLE ticket ENABLE TRIGGER USER;
ALTER TABLE ticket_message ENABLE TRIGGER USER;

-- The indexes built and the foreign keys validated again, as the migrations defined them.
DO $$
DECLARE
    deferred record;
BEGIN
    FOR deferred IN SELECT * FROM bench_deferred ORDER BY step, name LOOP
        EXECUTE deferred.definition;
    END LOOP;
END
$$;

-- The sequences past every id. EclipseLink takes the value a sequence returns as the last id of a
-- block of 50 (V2__tickets.sql), so each is set to a multiple of 50 at or above the highest id:
-- the next block starts right after it.
SELECT setval('user_seq', (SELECT ceil(max(id) / 50.0) * 50 FROM app_user)::bigint) AS user_seq,
       setval('ticket_seq', (SELECT ceil(max(id) / 50.0) * 50 FROM ticket)::bigint) AS ticket_seq,
       setval('ticket_message_seq', GREATEST(50, (SELECT ceil(max(id) / 50.0) * 50 FROM ticket_message))::bigint)
           AS ticket_message_seq,
       setval('ticket_event_seq', GREATEST(50, (SELECT ceil(max(id) / 50.0) * 50 FROM ticket_event))::bigint)
           AS ticket_event_seq
\gset

COMMIT;

-- Fresh statistics and visibility maps, as autovacuum would leave them after a while.
VACUUM (ANALYZE) app_user, user_group, user_location, ticket, ticket_message, ticket_event, ticket_count_change;
