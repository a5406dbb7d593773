package io.abstractcatalog.catalog.work;

import io.abstractcatalog.contract.http.ListMeta;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code GET /works/{id}/matches}: the list envelope, plus whether the work's matches were recorded at all (a work
 * last written from an event before dedup published them has none to show, which is not the same as "no pairs").
 */
@Schema(name = "MatchList", description = "Why the work's records are one work: the pairs the matcher accepted. "
        + "meta.count counts them all; the first 50 (by record ids) are listed.")
public record MatchList(
        ListMeta meta,
        List<MatchView> results,
        @Schema(description = "false when the work was last written before the deduplicator published its matches: "
                + "then there is nothing to show, whatever the work's member count.")
        boolean recorded) {
}
