package io.abstractcatalog.dedup.status;

import io.abstractcatalog.dedup.merge.WorkState;
import io.abstractcatalog.dedup.normalize.TextNormalizer;
import io.abstractcatalog.dedup.topology.DedupTopology;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What this instance is doing: the stream's state and how many works its local store holds. */
@Path("/status")
@Produces(MediaType.APPLICATION_JSON)
public class DedupStatusResource {

    /**
     * @param approximateWorks RocksDB's estimate of the works in this instance's partitions of the store (it counts
     *                         an overwritten key more than once until compaction); null while rebalancing
     */
    public record DedupStatus(String state, Long approximateWorks, int normalizerVersion, int threads) {
    }

    @Inject
    KafkaStreams streams;

    @GET
    @Operation(summary = "Stream state and the number of works held by this instance")
    public DedupStatus status() {
        return new DedupStatus(streams.state().name(), worksHeld(), TextNormalizer.VERSION, streams.metadataForLocalThreads().size());
    }

    private Long worksHeld() {
        try {
            ReadOnlyKeyValueStore<String, WorkState> store = streams.store(StoreQueryParameters.fromNameAndType(
                    DedupTopology.WORK_STORE, QueryableStoreTypes.keyValueStore()));
            return store.approximateNumEntries();
        } catch (InvalidStateStoreException e) {
            return null; // not queryable while the instance is (re)starting or rebalancing
        }
    }
}
