package io.abstractcatalog.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.abstractcatalog.contract.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST answers use the same JSON rules as the events (ISO instants, nulls left out), so a work reads the same everywhere. */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
