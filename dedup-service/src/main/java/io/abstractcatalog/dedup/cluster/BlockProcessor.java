package io.abstractcatalog.dedup.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Stage A, keyed by blocking key (scales out with the partitions of the block repartition topic): adds the
 * record to its block and emits a candidate pair with each member already there. Emits nothing for a member
 * already in the block (a replay). A block holds at most {@code cap} members: a record reaching a full block is
 * still compared with the kept members but not kept, and counted in {@code dedup_blocks_capped_total}.
 */
public class BlockProcessor implements Processor<String, String, String, ClusterInput> {

    private static final Logger LOG = Logger.getLogger(BlockProcessor.class);
    static final Counter CAPPED = Metrics.counter("dedup_block_members_capped_total");

    private final String storeName;
    private final int cap;
    private final String clusterKey;
    private ProcessorContext<String, ClusterInput> context;
    private KeyValueStore<String, BlockMembers> blocks;

    public BlockProcessor(String storeName, int cap, String clusterKey) {
        this.storeName = storeName;
        this.cap = cap;
        this.clusterKey = clusterKey;
    }

    @Override
    public void init(ProcessorContext<String, ClusterInput> context) {
        this.context = context;
        this.blocks = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, String> record) {
        String block = record.key();
        String recordId = record.value();
        BlockMembers members = blocks.get(block);
        if (members == null) {
            members = new BlockMembers(java.util.List.of(), 0);
        } else if (members.contains(recordId)) {
            return;
        }
        for (String member : members.ids()) {
            context.forward(record.withKey(clusterKey).withValue(ClusterInput.candidate(member, recordId)));
        }
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
