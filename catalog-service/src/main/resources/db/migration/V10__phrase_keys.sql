-- Phrase search. GIN keeps no word positions, so a phrase of two common words ("graph kernel") had every work holding
-- both words read to check their positions (~25,000 rows at 1M works, ~65 ms). Each work now also holds the keys of
-- its adjacent word pairs, so a phrase only reads the works holding its pairs. Keys are pairs hashed into 2^20
-- buckets: a bounded vocabulary whose posting lists compress; a bucket's other pairs are weeded out by the positions
-- check that still decides every match.

-- The key of one pair of lexemes written "left right": the one definition the column below and the queries use.
CREATE FUNCTION phrase_key(pair text) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN hashtext(pair) & 1048575;

-- The sorted, distinct keys of every two lexemes at adjacent positions of a tsvector: the adjacencies a phrase (<->)
-- can match, so a work matching a phrase holds the key of each of its pairs.
CREATE FUNCTION phrase_keys(words tsvector) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    at text[] := '{}';
    pairs text[] := '{}';
    entry record;
    p integer;
    shared boolean := false;
BEGIN
    FOR entry IN SELECT lexeme, positions FROM unnest(words) LOOP
        FOREACH p IN ARRAY entry.positions LOOP
            shared := shared OR at[p] IS NOT NULL;
            at[p] := entry.lexeme;
        END LOOP;
    END LOOP;
    IF shared THEN
        -- Positions past 16,383 are all stored as 16,383, so lexemes can share one: pair every lexeme of each.
        RETURN ARRAY(SELECT DISTINCT phrase_key(l.lexeme || ' ' || r.lexeme)
                     FROM (SELECT u.lexeme, lp FROM unnest(words) u, unnest(u.positions) lp) l
                     JOIN (SELECT u.lexeme, rp FROM unnest(words) u, unnest(u.positions) rp) r ON r.rp = l.lp + 1
                     ORDER BY 1);
    END IF;
    FOR p IN coalesce(array_lower(at, 1), 1) .. coalesce(array_upper(at, 1), 0) - 1 LOOP
        IF at[p] IS NOT NULL AND at[p + 1] IS NOT NULL THEN
            pairs := array_append(pairs, at[p] || ' ' || at[p + 1]);
        END IF;
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT phrase_key(pair) FROM unnest(pairs) pair ORDER BY 1);
END
$$;

-- A generated column cannot read another one (search_vector), so this repeats V1's expression: the same positions.
ALTER TABLE work ADD COLUMN phrase_keys integer[] GENERATED ALWAYS AS (phrase_keys(
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
            || setweight(to_tsvector('english', abstract_text), 'B'))) STORED;

CREATE INDEX work_phrase_keys_idx ON work USING gin (phrase_keys);

-- A search's path is chosen on PostgreSQL's estimate of its matches (WorkSearch.estimateProbeMatches). With the default
-- statistics a key missing from the ~330 most common ones is estimated at 0.24 % of the works (515 hold the key of
-- "graph kernel" among 1M: 0.05 %); ~2,000 tracked keys bring it to 0.06 %. ANALYZE of the column: ~11 s at 1M works.
ALTER TABLE work ALTER COLUMN phrase_keys SET STATISTICS 1000;

-- Without statistics of the new column the estimate takes every key for a common one (0.5 %) and sends a rare phrase
-- down the probe first; ANALYZE may run in the migration's transaction (VACUUM may not).
ANALYZE work;
