CREATE TABLE work_identifier (
    work_id text NOT NULL REFERENCES work (work_id) ON DELETE CASCADE,
    kind    text NOT NULL CHECK (kind IN ('doi', 'arxiv')),
    value   text NOT NULL,
    PRIMARY KEY (work_id, kind, value)
);

-- Looking a work up by DOI or arXiv id.
CREATE INDEX work_identifier_kind_value_idx ON work_identifier (kind, value);
