-- A work may have no abstract: its records are bibliographic entries (BibTeX, RIS, CSV, PubMed…) that carry none.
-- Such a work keeps abstract_text = '' (WorkWriter writes '' for a null abstract, and always has), not NULL:
-- search_vector (V1) and phrase_keys (V10) are generated from to_tsvector('english', abstract_text), and a NULL there
-- makes both NULL, so the work could not even be found by its title. Changing those expressions would regenerate both
-- columns, rewriting every row (minutes at 1M works) to store what '' already gives. No ingested abstract is blank
-- (ingest drops blank values), so '' is unambiguous; the API answers it as "abstractText" absent, "hasAbstract": false.
COMMENT ON COLUMN work.abstract_text IS
    'The work''s abstract; the empty string when no member record has one (never NULL: see V13).';

-- has_abstract=false listed newest first. Works without an abstract are few, so the partial index is small; building
-- it reads the table once and rewrites nothing. has_abstract=true needs none: nearly every work has an abstract.
CREATE INDEX work_without_abstract_updated_idx ON work (updated_at DESC, work_id) WHERE abstract_text = '';
