package io.abstractcatalog.dedup.cluster;

import java.util.List;

/** Candidates waiting in steps 3–5 for a record that has not arrived there yet: the partners' ids, sorted. */
public record Waiting(List<String> partners) {

    public Waiting {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }
}
