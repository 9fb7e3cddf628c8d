-- E-mail addresses for the demo users, so that the embedded default's notifications have
-- recipients (see the README's "Mail" section: without a mail server they stay in the outbox).
UPDATE app_user SET email = 'alice@helpdesk.test' WHERE username = 'alice';
UPDATE app_user SET email = 'ron@helpdesk.test' WHERE username = 'ron';
UPDATE app_user SET email = 'lou@helpdesk.test' WHERE username = 'lou';
UPDATE app_user SET email = 'mark@helpdesk.test' WHERE username = 'mark';
UPDATE app_user SET email = 'olivia@helpdesk.test' WHERE username = 'olivia';
UPDATE app_user SET email = 'nora@helpdesk.test' WHERE username = 'nora';
