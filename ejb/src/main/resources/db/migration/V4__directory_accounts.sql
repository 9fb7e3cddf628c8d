-- Accounts of users from the organisation's directory (LDAP / Active Directory), created at their
-- first sign-in. Their password stays in the directory, so they have no password hash here; their
-- e-mail address comes from the directory as well. Database-store users (the demo users, and
-- installations without a directory) keep their hash and from_directory = FALSE.

ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN email VARCHAR(320);
ALTER TABLE app_user ADD COLUMN from_directory BOOLEAN DEFAULT FALSE NOT NULL;
