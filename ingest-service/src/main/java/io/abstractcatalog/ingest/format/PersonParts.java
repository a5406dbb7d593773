package io.abstractcatalog.ingest.format;

import io.abstractcatalog.contract.Author;

/**
 * The parts of one author's name while an XML format reads them element by element (arXiv's keyname/forenames,
 * PubMed's LastName/ForeName/Initials/CollectiveName/Identifier), made into an {@link Author} when the author ends.
 */
final class PersonParts {

    String family;
    String given;
    /** Initials ("JM"): the given names only when no fuller ones come. */
    String initials;
    /** A group author ("ATLAS Collaboration"): a name, not a family name. */
    String collective;
    String orcid;

    /** The author read so far, or null when no name part came; the parts are cleared for the next author. */
    Author take() {
        Author author;
        if (family != null) {
            author = new Author(null, family, given != null ? given : initials, orcid);
        } else if (collective != null) {
            author = new Author(collective, null, null, orcid);
        } else {
            author = given == null ? null : Author.parse(given).withOrcid(orcid);
        }
        family = null;
        given = null;
        initials = null;
        collective = null;
        orcid = null;
        return author;
    }
}
