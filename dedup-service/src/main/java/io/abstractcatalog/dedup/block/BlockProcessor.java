package io.abstractcatalog.dedup.block;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Step 2 of the topology, block, partitioned by blocking key (scales out with the partitions of the block
 * repartition topic): takes a record with all its keys that live on this partition ({@link BlockEntry}), adds it to
 * each of those blocks and emits <i>one</i> message with the distinct members already there. A block that already
 * holds the record (a replay) adds nothing. A block holds at most {@code cap} members: a record reaching a full block
 * is still compared with the kept members but not kept, and counted in {@code dedup_block_members_capped_total}.
 *
 * @param <V> the message the next step consumes; the topology says how a record and its candidates become one, so
 *            this step does not depend on the steps after it
 */
public class BlockProcessor<V> implements Processor<Integer, BlockEntry, String, V> {

    private static final Logger LOG = Logger.getLogger(BlockProcessor.class);
    static final Counter CAPPED = Metrics.counter("dedup_block_members_capped_total");

    private final String storeName;
    private final int cap;
    private final String clusterKey;
    private final BiFunction<String, List<String>, V> candidatesMessage;
    private ProcessorContext<String, V> context;
    private KeyValueStore<String, BlockMembers> blocks;

    /** {@code candidatesMessage}: (record id, earlier members it met, sorted) → the message sent under {@code clusterKey}. */
    public BlockProcessor(String storeName, int cap, String clusterKey, BiFunction<String, List<String>, V> candidatesMessage) {
        this.storeName = storeName;
        this.cap = cap;
        this.clusterKey = clusterKey;
        this.candidatesMessage = candidatesMessage;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        this.blocks = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Integer, BlockEntry> record) {
        String recordId = record.value().recordId();
        TreeSet<String> candidates = new TreeSet<>();
        for (String block : record.value().keys()) {
            add(block, recordId, candidates);
        }
        if (!candidates.isEmpty()) {
            context.forward(record.withKey(clusterKey)
                    .withValue(candidatesMessage.apply(recordId, new ArrayList<>(candidates))));
        }
    }

    /** Adds the record to one block, collecting the members it meets there (none if it is already one: a replay). */
    private void add(String block, String recordId, Set<String> candidates) {
        BlockMembers members = blocks.get(block);
        if (members == null) {
            members = new BlockMembers(List.of(), 0);
        } else if (members.contains(recordId)) {
            return;
        }
        candidates.addAll(members.ids());
        BlockMembers next = members.with(recordId, cap);
        if (next.overflow() > members.overflow()) {
            CAPPED.increment();
            if (Long.bitCount(next.overflow()) == 1) { // 1, 2, 4, 8 … : a log line per doubling, not per record
                LOG.warnf("block %s is oversized: %d members kept, %d more compared but not kept", block, cap, next.overflow());
            }
        }
        blocks.put(block, next);
    }
}
