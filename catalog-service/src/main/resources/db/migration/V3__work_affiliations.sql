CREATE TABLE work_affiliation (
    work_id     text NOT NULL REFERENCES work (work_id) ON DELETE CASCADE,
    affiliation text NOT NULL,
    PRIMARY KEY (work_id, affiliation)
);

-- The affiliation filter matches case-insensitively, so the index is on the folded value.
CREATE INDEX work_affiliation_affiliation_idx ON work_affiliation (lower(affiliation));
