-- Indexes for the filters and sorts of GET /works (see WorkSearch); each names the query shape it serves.

-- sort=title / sort=-title and their keyset cursor: the sort key is a bounded, case-folded title, so an over-long
-- title can never exceed the b-tree entry limit (which would make the work unstorable).
CREATE INDEX work_title_key_idx ON work ((left(lower(coalesce(title, '')), 200)), work_id);

-- has_duplicates=true listed newest first (the common "show me what was de-duplicated" view).
CREATE INDEX work_duplicates_updated_idx ON work (updated_at DESC, work_id) WHERE member_count > 1;

-- year=2019-2021 and group_by=year.
CREATE INDEX work_year_idx ON work (year, work_id) WHERE year IS NOT NULL;

-- source=<file key> and source=<format>: the works of one file, or of one format.
CREATE INDEX work_source_key_idx ON work_source (object_key, work_id);
CREATE INDEX work_source_format_idx ON work_source (format, work_id);

-- doi=: DOIs are case-insensitive, so the filter compares folded values.
CREATE INDEX work_identifier_doi_idx ON work_identifier (lower(value), work_id) WHERE kind = 'doi';

-- GET /affiliations?prefix=: prefix match on the folded name.
CREATE INDEX work_affiliation_prefix_idx ON work_affiliation (lower(affiliation) text_pattern_ops);

-- The affiliation filter joins back to the work: (folded name, work) answers it from the index alone.
CREATE INDEX work_affiliation_lower_work_idx ON work_affiliation (lower(affiliation), work_id);
