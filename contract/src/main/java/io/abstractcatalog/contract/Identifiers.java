package io.abstractcatalog.contract;

import java.util.List;

/** The identifiers a work is known by, each list sorted and without duplicates. */
public record Identifiers(List<String> doi, List<String> arxiv) {

    public static final Identifiers NONE = new Identifiers(List.of(), List.of());

    public Identifiers {
        doi = doi == null ? List.of() : List.copyOf(doi);
        arxiv = arxiv == null ? List.of() : List.copyOf(arxiv);
    }
}
