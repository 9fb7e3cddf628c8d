-- Text search on PostgreSQL: the words of a ticket as the caller may see them, in one tsvector
-- column with a GIN index, kept by triggers in the transaction of every change. Words that
-- requester and staff both see (subject, details, responses) carry weight A; the words of internal
-- notes (staff only, Rule 7) weight B. A requester's search asks for weight A only (word:A), so a
-- word that is only in a note never finds a ticket for them; staff search both.
-- The 'simple' configuration: words as written (lower case), no language's stemming, so that a
-- search means the same in every language the organisation writes (TextSearch).
-- The triggers write only the ticket's own row, which the change writes anyway (responses) or
-- which no one else waits for (notes); they never touch the version the clients see.
-- Applied only on PostgreSQL, in its own history (flyway_postgresql_history; DatabaseMigration).

ALTER TABLE ticket ADD COLUMN search_words tsvector NOT NULL DEFAULT ''::tsvector;

CREATE FUNCTION ticket_words_of(ticket_id BIGINT, subject TEXT, details TEXT) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', subject || ' ' || details), 'A')
        || COALESCE((SELECT setweight(to_tsvector('simple', string_agg(m.body, ' ' ORDER BY m.id)), 'A')
                     FROM ticket_message m WHERE m.ticket_id = $1 AND NOT m.internal), ''::tsvector)
        || COALESCE((SELECT setweight(to_tsvector('simple', string_agg(m.body, ' ' ORDER BY m.id)), 'B')
                     FROM ticket_message m WHERE m.ticket_id = $1 AND m.internal), ''::tsvector)
$$;

CREATE FUNCTION ticket_words_of_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_words := ticket_words_of(NEW.id, NEW.subject, NEW.details);
    RETURN NEW;
END
$$;

CREATE TRIGGER ticket_words_on_insert BEFORE INSERT ON ticket
    FOR EACH ROW EXECUTE FUNCTION ticket_words_of_request();
CREATE TRIGGER ticket_words_on_edit BEFORE UPDATE OF subject, details ON ticket
    FOR EACH ROW WHEN (OLD.subject IS DISTINCT FROM NEW.subject OR OLD.details IS DISTINCT FROM NEW.details)
    EXECUTE FUNCTION ticket_words_of_request();

CREATE FUNCTION ticket_words_of_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ticket
    SET search_words = search_words
        || setweight(to_tsvector('simple', NEW.body), CASE WHEN NEW.internal THEN 'B' ELSE 'A' END::"char")
    WHERE id = NEW.ticket_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_message_words AFTER INSERT ON ticket_message
    FOR EACH ROW EXECUTE FUNCTION ticket_words_of_message();

-- The tickets that exist already.
UPDATE ticket SET search_words = ticket_words_of(id, subject, details);

CREATE INDEX ix_ticket_search_words ON ticket USING gin (search_words);

-- The planner's statistics of the words: up to ten thousand of the most common ones (1000 x 10),
-- so that a word outside them is known to be rare and its tickets are found by the index above,
-- not by walking the queue's order and testing each ticket.
ALTER TABLE ticket ALTER COLUMN search_words SET STATISTICS 1000;
