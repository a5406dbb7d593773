package io.abstractcatalog.catalog.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value of a facet and how many matching works have it. */
@Schema(name = "GroupCount", description = "A facet value and the number of matching works with it.")
public record GroupCount(
        @Schema(description = "The value; pass it back as the filter of the same name to narrow the search.",
                examples = "The University of Tokyo")
        String key,
        @Schema(description = "Matching works with this value.", examples = "42")
        long count) {
}
