-- One row per canonical work, as last published on topic "works".
-- version guards every upsert: an event whose version is not newer than this row's changes nothing.
CREATE TABLE work (
    work_id       text        PRIMARY KEY,
    version       bigint      NOT NULL,
    title         text,
    abstract_text text        NOT NULL,
    member_count  integer     NOT NULL,
    first_seen    timestamptz,
    updated_at    timestamptz NOT NULL,
    -- Kept by PostgreSQL itself, so the index can never drift from the text. The title weighs more (A) than
    -- the abstract (B), so a title hit ranks above a passing mention in an abstract.
    search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', abstract_text), 'B')
    ) STORED
);

CREATE INDEX work_search_vector_idx ON work USING gin (search_vector);

-- Serves the default listing (newest first, ties by id) and its keyset cursor.
CREATE INDEX work_updated_at_idx ON work (updated_at DESC, work_id);
