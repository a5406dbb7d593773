-- Schema 2 of work events carries a work's authors, venue, url and PubMed ids; V11 gives them a place. Rows written
-- before keep working: no authors, no venue, and the year V6 derived from arXiv ids (WorkWriter now takes the year
-- the work event gives, and the arXiv year only when it gives none).

-- For display, in the order the work lists them ([{name, family, given, orcid}], as in the event). A constant default
-- is stored in the catalog only: no table rewrite.
ALTER TABLE work ADD COLUMN authors jsonb NOT NULL DEFAULT '[]';
ALTER TABLE work ADD COLUMN venue text;
-- The venue folded (lower case, no accents or punctuation: "J. Neurosci." -> "j neurosci"), for venue= and
-- group_by=venue; WorkWriter folds it (FoldedText), so the filter and the index agree on one folding.
ALTER TABLE work ADD COLUMN venue_key text;
ALTER TABLE work ADD COLUMN url text;

CREATE INDEX work_venue_key_idx ON work (venue_key, work_id) WHERE venue_key IS NOT NULL;

-- sort=year and sort=-year with their keyset cursors; works without a year sort last both ways.
CREATE INDEX work_year_asc_idx ON work ((coalesce(year, 32767)), work_id);
CREATE INDEX work_year_desc_idx ON work ((coalesce(year, 0)) DESC, work_id);

-- One row per author of a work, for author= and group_by=author. name_key is the folded name ("geoffrey e hinton"),
-- name_words its words: author=hinton and author=Geoffrey Hinton both match by word containment (GIN).
CREATE TABLE work_author (
    work_id    text     NOT NULL REFERENCES work (work_id) ON DELETE CASCADE,
    position   smallint NOT NULL,
    name       text     NOT NULL,
    name_key   text     NOT NULL,
    name_words text[]   NOT NULL,
    PRIMARY KEY (work_id, position)
);

CREATE INDEX work_author_name_words_idx ON work_author USING gin (name_words);

-- PubMed ids join DOIs and arXiv ids (pmid= and GET /works/pmid:...).
ALTER TABLE work_identifier DROP CONSTRAINT work_identifier_kind_check;
ALTER TABLE work_identifier ADD CONSTRAINT work_identifier_kind_check CHECK (kind IN ('doi', 'arxiv', 'pmid', 'pmcid'));
