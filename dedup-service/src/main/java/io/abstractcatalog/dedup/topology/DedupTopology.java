package io.abstractcatalog.dedup.topology;

import io.abstractcatalog.contract.JsonSerde;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;
import io.abstractcatalog.dedup.block.BlockingKey;
import io.abstractcatalog.dedup.merge.Member;
import io.abstractcatalog.dedup.merge.WorkAssembler;
import io.abstractcatalog.dedup.merge.WorkId;
import io.abstractcatalog.dedup.merge.WorkState;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup topology, top to bottom: normalize → block → (match → cluster) → merge.
 * Exact matching needs no match or cluster stage: records with the same fingerprint share one block, and that
 * block is the work. Near-duplicate matching adds identifier, title and LSH keys in {@link BlockingKey} and a
 * match/cluster stage between the repartition and the merge.
 */
@ApplicationScoped
public class DedupTopology {

    /** Work id → {@link WorkState}; a persistent store with a changelog, so a moved or restarted task resumes. */
    public static final String WORK_STORE = "works-by-id";
    /** Name of the internal repartition topic that brings a work's members onto one partition. */
    public static final String BY_WORK = "members-by-work";

    @Produces
    public Topology topology() {
        return build();
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WORK_STORE), Serdes.String(), JsonSerde.of(WorkState.class)));

        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), JsonSerde.of(RawRecord.class)))
                // 1. normalize: fold the text for matching, fingerprint the abstract
                .mapValues(NormalizedRecord::of)
                // 2. block: key each record by the work its block defines
                .flatMap((recordId, record) -> BlockingKey.of(record).stream()
                        .map(key -> KeyValue.pair(WorkId.of(key), Member.of(record)))
                        .toList())
                // candidates must meet on one partition, whatever partition their raw records arrived on
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(Member.class)).withName(BY_WORK))
                // 5. merge: add the member to its work and publish the rebuilt work
                .process(() -> new WorkAssembler(WORK_STORE), WORK_STORE)
                .to(Topics.WORKS, Produced.with(Serdes.String(), JsonSerde.of(WorkEvent.class)));

        return builder.build();
    }
}
