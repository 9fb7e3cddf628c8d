-- The directory: locations, categories, users with their groups and location access.
-- Portable SQL for H2 2.x and PostgreSQL. Ids come from sequences (EclipseLink allocates 50 at a
-- time, hence INCREMENT BY 50); values below 1000 are left for seed data.

CREATE SEQUENCE location_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE category_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE user_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE location (
    id   BIGINT       NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT uq_location_name UNIQUE (name)
);

CREATE TABLE category (
    id      BIGINT       NOT NULL PRIMARY KEY,
    name    VARCHAR(100) NOT NULL,
    active  BOOLEAN      NOT NULL,
    version BIGINT       NOT NULL,
    CONSTRAINT uq_category_name UNIQUE (name)
);

CREATE TABLE app_user (
    id            BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(500) NOT NULL,
    active        BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

-- The groups a user belongs to; the server configuration maps groups to permissions.
CREATE TABLE user_group (
    user_id    BIGINT       NOT NULL REFERENCES app_user (id),
    group_name VARCHAR(100) NOT NULL,
    PRIMARY KEY (user_id, group_name)
);

-- The locations a user may file tickets at (requesters) or sees the tickets of (staff).
CREATE TABLE user_location (
    user_id     BIGINT NOT NULL REFERENCES app_user (id),
    location_id BIGINT NOT NULL REFERENCES location (id),
    PRIMARY KEY (user_id, location_id)
);
-- "Staff who can see this location", for the assignee choice.
CREATE INDEX ix_user_location_location ON user_location (location_id, user_id);
