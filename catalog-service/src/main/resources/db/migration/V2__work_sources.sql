-- Provenance: every member record of a work and where it was found. Replaced whole when the work changes.
CREATE TABLE work_source (
    work_id      text        NOT NULL REFERENCES work (work_id) ON DELETE CASCADE,
    record_id    text        NOT NULL,
    bucket       text,
    object_key   text,
    content_hash text,
    format       text,
    ordinal      integer,
    line         integer,
    source_id    text,
    ingested_at  timestamptz,
    PRIMARY KEY (work_id, record_id)
);

-- For /stats (distinct files) and for finding the works of one file.
CREATE INDEX work_source_file_idx ON work_source (bucket, object_key);
