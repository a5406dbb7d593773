package io.abstractcatalog.catalog.problem;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;

/** No work holds this identifier; the same problem type as an unknown work id. */
public class IdentifierNotFoundException extends ProblemException {

    /** {@code kind} as in the path: doi, arxiv, pmid or pmcid. */
    public IdentifierNotFoundException(String kind, String value) {
        super(ProblemType.WORK_NOT_FOUND, "No work has the " + kind + " '" + value + "'. Identifiers are "
                + "compared normalized (DOIs in any case, arXiv ids without version, PubMed ids as digits); find works "
                + "by words with GET /works?q=….");
    }
}
