-- A work that was merged into another. No foreign key on to_id: the surviving work may arrive later
-- (or on another partition) than the redirect.
CREATE TABLE work_redirect (
    from_id text   PRIMARY KEY,
    to_id   text   NOT NULL,
    version bigint NOT NULL
);

-- Following chains (a -> b, then b -> c).
CREATE INDEX work_redirect_to_idx ON work_redirect (to_id);
