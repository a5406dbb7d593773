package io.abstractcatalog.dedup.topology;

import io.abstractcatalog.contract.JsonSerde;
import io.abstractcatalog.contract.RawRecord;
import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.dedup.block.BlockEntry;
import io.abstractcatalog.dedup.block.BlockMembers;
import io.abstractcatalog.dedup.block.BlockProcessor;
import io.abstractcatalog.dedup.cluster.ClusterInput;
import io.abstractcatalog.dedup.cluster.Clusterer;
import io.abstractcatalog.dedup.cluster.NodeState;
import io.abstractcatalog.dedup.cluster.Waiting;
import io.abstractcatalog.dedup.match.MatchConfig;
import io.abstractcatalog.dedup.match.RecordFeatures;
import io.abstractcatalog.dedup.merge.Member;
import io.abstractcatalog.dedup.merge.WorkState;
import io.abstractcatalog.dedup.normalize.NormalizedRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The dedup topology, top to bottom: normalize → block → match → cluster → merge.
 * <ol>
 *   <li>normalize (stateless, per raw partition): fold the text, compute the {@link RecordFeatures} — summary for
 *       matching and blocking keys ({@code fp doi arxiv title lsh…});</li>
 *   <li>block (partitioned by blocking key through {@value #BY_BLOCK}, scales out): a record's keys are grouped by
 *       the partition they hash to, one {@link BlockEntry} message per (record, partition) — at most as many as the
 *       topic has partitions instead of one per key (~35); {@link BlockProcessor} keeps each block's member ids and
 *       emits one message with the distinct members already in the record's blocks;</li>
 *   <li>match + cluster + merge (one key, repartitioned through {@value #BY_CLUSTER}: <b>single partition</b>):
 *       {@link Clusterer} verifies candidates with the pure pair matcher, keeps the union-find forest and the works,
 *       and publishes {@code WorkUpserted} / {@code WorkRedirected}.</li>
 * </ol>
 * Every store is persistent and changelogged: a restarted or moved task resumes where it was.
 */
@ApplicationScoped
public class DedupTopology {

    /** Work id → {@link WorkState}; a persistent store with a changelog, so a moved or restarted task resumes. */
    public static final String WORK_STORE = "works-by-id";
    /** Blocking key → the ids of the block's members. */
    public static final String BLOCK_STORE = "blocks";
    /** Record id → union-find parent and summary. */
    public static final String NODE_STORE = "cluster-nodes";
    /** Record id → candidates waiting for it in steps 3–5. */
    public static final String PENDING_STORE = "cluster-pending";
    /** Internal repartition topic that brings the records sharing a blocking key onto one partition (key: partition). */
    public static final String BY_BLOCK = "records-by-block";
    /** Internal repartition topic of the single-partition steps 3–5 (match + cluster + merge). */
    public static final String BY_CLUSTER = "cluster-input";
    /** The one key of steps 3–5. */
    static final String CLUSTER_KEY = "cluster";

    @Inject
    DedupConfig config;

    @Inject
    TopicsAtStartup topics;

    @Produces
    public Topology topology() {
        return build(config.matchConfig(), Stores::persistentKeyValueStore, topics.rawPartitions());
    }

    /** The service's topology for an {@code abstracts.raw} of {@code partitions} partitions. */
    public static Topology build(int partitions) {
        return build(MatchConfig.DEFAULTS, Stores::persistentKeyValueStore, partitions);
    }

    /**
     * The topology with stores from {@code stores}: persistent (RocksDB) in the service; tests may pass
     * {@code Stores::inMemoryKeyValueStore} — still changelogged — to run fast. {@code partitions} is the partition
     * count of {@code abstracts.raw}, read from the broker: {@value #BY_BLOCK} gets as many, and step 2 (block)
     * groups a record's keys by them. An existing {@value #BY_BLOCK} topic with another count stops the start-up.
     */
    public static Topology build(MatchConfig config, Function<String, KeyValueBytesStoreSupplier> stores, int partitions) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.apply(WORK_STORE), Serdes.String(), JsonSerde.of(WorkState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.apply(BLOCK_STORE), Serdes.String(), JsonSerde.of(BlockMembers.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.apply(NODE_STORE), Serdes.String(), JsonSerde.of(NodeState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                stores.apply(PENDING_STORE), Serdes.String(), JsonSerde.of(Waiting.class)));

        // 1. normalize: fold the text, fingerprint the abstract, summarize for matching, compute blocking keys
        KStream<String, Analyzed> analyzed = builder.stream(Topics.RAW.name(), Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde()))
                .mapValues(raw -> Analyzed.of(raw, config), Named.as("normalize"));

        // 2. block: the record under its keys, one message per partition they hash to; candidates meet there
        KStream<String, ClusterInput> candidates = analyzed
                .flatMap((recordId, a) -> {
                    List<KeyValue<Integer, BlockEntry>> out = new ArrayList<>();
                    BlockEntry.byPartition(a.member().recordId(), a.features().keys(), partitions)
                            .forEach((partition, entry) -> out.add(KeyValue.pair(partition, entry)));
                    return out;
                }, Named.as("block-keys"))
                .repartition(Repartitioned.with(Serdes.Integer(), JsonSerde.of(BlockEntry.class)).withName(BY_BLOCK)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner((topic, partition, entry, count) -> Optional.of(Set.of(partition % count))))
                .process(() -> new BlockProcessor<>(BLOCK_STORE, config.blockCap(), CLUSTER_KEY, ClusterInput::candidates),
                        Named.as("block"), BLOCK_STORE);

        // 3-5. match + cluster + merge: the record itself and its candidate pairs meet on one partition: verify, union, merge
        analyzed.map((recordId, a) -> KeyValue.pair(CLUSTER_KEY, ClusterInput.node(a.member(), a.features().summary())),
                        Named.as("node"))
                .merge(candidates, Named.as("cluster-inputs"))
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(ClusterInput.class)).withName(BY_CLUSTER)
                        .withNumberOfPartitions(1))
                .process(() -> new Clusterer(NODE_STORE, PENDING_STORE, WORK_STORE, config), Named.as("cluster"),
                        NODE_STORE, PENDING_STORE, WORK_STORE)
                .to(Topics.WORKS.name(), Produced.with(Topics.WORKS.keySerde(), Topics.WORKS.valueSerde()));

        return builder.build();
    }

    /** A raw record after step 1: what the work keeps of it and what matching needs. Never serialized. */
    record Analyzed(Member member, RecordFeatures features) {
        static Analyzed of(RawRecord raw, MatchConfig config) {
            NormalizedRecord normalized = NormalizedRecord.of(raw);
            return new Analyzed(Member.of(normalized), RecordFeatures.of(normalized, config));
        }
    }
}
