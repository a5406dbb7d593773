package io.abstractcatalog.dedup.merge;

import io.abstractcatalog.contract.WorkEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each member to its work's state and publishes the rebuilt work. A member already present unchanged (a
 * replayed record) publishes nothing, so replays never bump a version or reach the catalog.
 */
public class WorkAssembler implements Processor<String, Member, String, WorkEvent> {

    private final String storeName;
    private ProcessorContext<String, WorkEvent> context;
    private KeyValueStore<String, WorkState> works;

    public WorkAssembler(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, WorkEvent> context) {
        this.context = context;
        this.works = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Member> record) {
        String workId = record.key();
        WorkState current = works.get(workId);
        (current == null ? WorkState.empty(workId) : current).with(record.value()).ifPresent(next -> {
            works.put(workId, next);
            context.forward(record.withValue(WorkEvent.upserted(WorkMerger.merge(next))));
        });
    }
}
