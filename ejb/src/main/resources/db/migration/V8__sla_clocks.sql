-- SLA clocks (README, "SLA clocks"). Portable SQL for H2 2.x and PostgreSQL.
--
-- 1. When each location works: its time zone and its hours per weekday (NULL: closed that day),
--    as columns with defaults, so that every location has a calendar from the moment it exists
--    (the demo clinics are inserted after these migrations): Monday to Friday, 09:00 to 17:00,
--    UTC until an administrator sets the location's zone.
ALTER TABLE location ADD COLUMN time_zone VARCHAR(60) DEFAULT 'UTC' NOT NULL;
ALTER TABLE location ADD COLUMN mon_opens TIME DEFAULT TIME '09:00:00';
ALTER TABLE location ADD COLUMN mon_closes TIME DEFAULT TIME '17:00:00';
ALTER TABLE location ADD COLUMN tue_opens TIME DEFAULT TIME '09:00:00';
ALTER TABLE location ADD COLUMN tue_closes TIME DEFAULT TIME '17:00:00';
ALTER TABLE location ADD COLUMN wed_opens TIME DEFAULT TIME '09:00:00';
ALTER TABLE location ADD COLUMN wed_closes TIME DEFAULT TIME '17:00:00';
ALTER TABLE location ADD COLUMN thu_opens TIME DEFAULT TIME '09:00:00';
ALTER TABLE location ADD COLUMN thu_closes TIME DEFAULT TIME '17:00:00';
ALTER TABLE location ADD COLUMN fri_opens TIME DEFAULT TIME '09:00:00';
ALTER TABLE location ADD COLUMN fri_closes TIME DEFAULT TIME '17:00:00';
ALTER TABLE location ADD COLUMN sat_opens TIME;
ALTER TABLE location ADD COLUMN sat_closes TIME;
ALTER TABLE location ADD COLUMN sun_opens TIME;
ALTER TABLE location ADD COLUMN sun_closes TIME;
ALTER TABLE location ADD COLUMN calendar_version BIGINT DEFAULT 0 NOT NULL;

-- A location's days off (local dates in its zone).
CREATE TABLE location_holiday (
    location_id BIGINT NOT NULL REFERENCES location (id),
    holiday     DATE   NOT NULL,
    PRIMARY KEY (location_id, holiday)
);

-- 2. The promises per urgency, in minutes of working time (a business day is 8 hours).
CREATE TABLE sla_target (
    urgency                VARCHAR(20) NOT NULL PRIMARY KEY,
    first_response_minutes INTEGER     NOT NULL,
    resolution_minutes     INTEGER     NOT NULL,
    version                BIGINT      NOT NULL,
    CONSTRAINT ck_sla_target_positive CHECK (first_response_minutes > 0 AND resolution_minutes > 0)
);
INSERT INTO sla_target (urgency, first_response_minutes, resolution_minutes, version) VALUES ('CRITICAL', 60, 240, 0);
INSERT INTO sla_target (urgency, first_response_minutes, resolution_minutes, version) VALUES ('HIGH', 240, 480, 0);
INSERT INTO sla_target (urgency, first_response_minutes, resolution_minutes, version) VALUES ('MEDIUM', 480, 1440, 0);
INSERT INTO sla_target (urgency, first_response_minutes, resolution_minutes, version) VALUES ('LOW', 960, 2400, 0);

-- 3. Each ticket's two clocks as stored (SlaClock: the due time, paused since, stopped at), the
--    due time of the clock that runs next (sla_due_at: NULL when none runs) for the queue's
--    "breached" and "due within 1 h" filters and its order by due time, and the next due time
--    whose breach the history has not yet recorded (sla_watch_at), which the breach timer looks
--    for. Tickets filed before this migration have no clocks (all NULL).
ALTER TABLE ticket ADD COLUMN first_response_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN first_response_stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN first_response_breached BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN resolution_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_paused_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_stopped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN resolution_breached BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE ticket ADD COLUMN sla_due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket ADD COLUMN sla_watch_at TIMESTAMP WITH TIME ZONE;

-- The queue by due time, and its filters on it (a range of sla_due_at), as V3's orders: led by the
-- location for staff of one, led by the due time for staff of several.
CREATE INDEX ix_ticket_location_sla_due ON ticket (location_id, sla_due_at, id);
CREATE INDEX ix_ticket_sla_due ON ticket (sla_due_at, id, location_id);
CREATE INDEX ix_ticket_sla_watch ON ticket (sla_watch_at);

-- 4. A breach recorded in the history has no person behind it: the clock's events have no actor.
ALTER TABLE ticket_event ALTER COLUMN actor_id DROP NOT NULL;
