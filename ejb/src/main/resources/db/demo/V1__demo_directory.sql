-- Demo data for the embedded default (loaded only with helpdesk.demo-data=true).
-- Every demo user's password is "demo", stored as a PBKDF2-HMAC-SHA256 hash (210,000 iterations).

INSERT INTO location (id, name) VALUES (1, 'North Clinic');
INSERT INTO location (id, name) VALUES (2, 'South Clinic');
INSERT INTO location (id, name) VALUES (3, 'East Clinic');

INSERT INTO category (id, name, active, version) VALUES (1, 'Billing', TRUE, 0);
INSERT INTO category (id, name, active, version) VALUES (2, 'Scheduling', TRUE, 0);
INSERT INTO category (id, name, active, version) VALUES (3, 'Technical', TRUE, 0);
INSERT INTO category (id, name, active, version) VALUES (4, 'Account', TRUE, 0);
INSERT INTO category (id, name, active, version) VALUES (5, 'Other', TRUE, 0);

INSERT INTO app_user (id, username, display_name, password_hash, active, version) VALUES
    (1, 'alice',  'Alice Archer',  'PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g=:w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=', TRUE, 0),
    (2, 'ron',    'Ron Rivera',    'PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g=:w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=', TRUE, 0),
    (3, 'lou',    'Lou Lambert',   'PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g=:w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=', TRUE, 0),
    (4, 'mark',   'Mark Mendez',   'PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g=:w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=', TRUE, 0),
    (5, 'olivia', 'Olivia Owens',  'PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g=:w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=', TRUE, 0),
    (6, 'nora',   'Nora Nolan',    'PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g=:w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=', TRUE, 0);

INSERT INTO user_group (user_id, group_name) VALUES (1, 'BCBA');
INSERT INTO user_group (user_id, group_name) VALUES (2, 'RBT');
INSERT INTO user_group (user_id, group_name) VALUES (3, 'RBT');
INSERT INTO user_group (user_id, group_name) VALUES (4, 'MANAGER');
INSERT INTO user_group (user_id, group_name) VALUES (5, 'OWNER');
-- nora belongs to no group: she can sign in but holds no permission (403 everywhere).

INSERT INTO user_location (user_id, location_id) VALUES (1, 1);
INSERT INTO user_location (user_id, location_id) VALUES (2, 2);
-- lou has no location access: the form warns and refuses.
INSERT INTO user_location (user_id, location_id) VALUES (4, 1);
INSERT INTO user_location (user_id, location_id) VALUES (5, 1);
INSERT INTO user_location (user_id, location_id) VALUES (5, 2);
INSERT INTO user_location (user_id, location_id) VALUES (5, 3);
INSERT INTO user_location (user_id, location_id) VALUES (6, 1);
