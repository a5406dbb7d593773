package io.abstractcatalog.dedup.topology;

import io.abstractcatalog.dedup.match.MatchConfig;
import io.smallrye.config.ConfigMapping;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The service's {@code dedup.*} keys. None has a default here or in {@code application.properties}:
 * {@link MatchConfig#DEFAULTS} is the one source of truth (the evaluation and the tests run it too); a key that is
 * set overrides its value.
 */
@ConfigMapping(prefix = "dedup")
public interface DedupConfig {

    Match match();

    Lsh lsh();

    Block block();

    /** {@link MatchConfig#DEFAULTS} with every key that is set applied. */
    default MatchConfig matchConfig() {
        MatchConfig.Builder config = MatchConfig.builder();
        match().jaccardThreshold().ifPresent(config::jaccardThreshold);
        match().containmentThreshold().ifPresent(config::containmentThreshold);
        match().titleJaccardThreshold().ifPresent(config::titleJaccardThreshold);
        match().titleConflictThreshold().ifPresent(config::titleConflictThreshold);
        lsh().bands().ifPresent(config::bands);
        lsh().rows().ifPresent(config::rows);
        block().cap().ifPresent(config::blockCap);
        return config.build();
    }

    interface Match {
        /** Abstracts whose estimated word-3-shingle Jaccard reaches this are one work. */
        OptionalDouble jaccardThreshold();

        /** ... or when the shorter abstract lies this much inside the longer one (truncation, dropped sentences). */
        OptionalDouble containmentThreshold();

        /** With the same (guarded) title, abstracts need only this Jaccard. */
        OptionalDouble titleJaccardThreshold();

        /** Two titles sharing less than this share of their words veto every match but a DOI / arXiv id. */
        OptionalDouble titleConflictThreshold();
    }

    /** MinHash-LSH; changing either changes the band keys, so records already stored no longer meet new ones. */
    interface Lsh {
        OptionalInt bands();

        OptionalInt rows();
    }

    interface Block {
        /** Members kept per block; a record reaching a full block is compared but not kept. */
        OptionalInt cap();
    }
}
