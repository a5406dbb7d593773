package io.abstractcatalog.ingest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.contract.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST speaks the same JSON as the topics: one ledger entry looks the same in {@code GET /files} and in Kafka. */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
