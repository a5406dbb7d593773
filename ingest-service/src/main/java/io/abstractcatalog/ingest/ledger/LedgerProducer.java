package io.abstractcatalog.ingest.ledger;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One ledger view per service: the scan loop fills it, the REST resource reads it. */
public class LedgerProducer {

    @Produces
    @Singleton
    FileLedger fileLedger() {
        return new FileLedger();
    }
}
