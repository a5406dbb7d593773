-- Publication year, as far as it can be derived: the contract's Work carries no year (RawRecord.year is not merged
-- into works), so the catalog takes it from the earliest arXiv id of the work (new style YYMM.NNNNN -> 20YY, old
-- style archive/YYMMNNN -> 19YY or 20YY). Works without an arXiv id have no year. WorkWriter keeps it up to date.
ALTER TABLE work ADD COLUMN year smallint;

UPDATE work w SET year = derived.year
FROM (
    SELECT work_id, min(CASE
        WHEN value ~* '^(arxiv:)?[0-9]{4}\.[0-9]{4,5}' THEN 2000 + substring(value FROM '(?i)^(?:arxiv:)?([0-9]{2})')::int
        WHEN value ~* '^(arxiv:)?[a-z-]+(\.[a-z-]+)?/[0-9]{7}' THEN
            CASE WHEN substring(value FROM '/([0-9]{2})')::int >= 91 THEN 1900 ELSE 2000 END
                + substring(value FROM '/([0-9]{2})')::int
        END) AS year
    FROM work_identifier WHERE kind = 'arxiv' GROUP BY work_id
) derived
WHERE derived.work_id = w.work_id AND derived.year IS NOT NULL;
