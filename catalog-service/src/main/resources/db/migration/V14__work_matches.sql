-- Why a work's records are one work (work-event/3, Work.matches): the pairs of member records dedup's matcher accepted,
-- each with the rule that decided and the evidence it saw. Rewritten with the work, like its sources; a work merged
-- into another (redirected) loses them with its row (ON DELETE CASCADE), the survivor lists the pairs of both.

-- How many pairs the matcher accepted in all (the event lists at most 50, WorkMatches.MAX_PAIRS). NULL: the work came
-- in an event before schema 3, which did not say. A constant (NULL) default: no table rewrite.
ALTER TABLE work ADD COLUMN match_count integer;

-- One row per listed pair, in dedup's canonical order (record_a < record_b, by record_a then record_b). evidence holds
-- the matcher's values as the event gives them (abstractJaccard, containment, titleRelation, sharedAuthors, yearA…):
-- what a pair shows depends on the matcher version, so its evidence is a document, not columns.
CREATE TABLE work_match (
    work_id         text     NOT NULL REFERENCES work (work_id) ON DELETE CASCADE,
    position        smallint NOT NULL,
    record_a        text     NOT NULL,
    record_b        text     NOT NULL,
    rule            text     NOT NULL,
    matcher_version integer  NOT NULL,
    evidence        jsonb    NOT NULL,
    PRIMARY KEY (work_id, position)
);
