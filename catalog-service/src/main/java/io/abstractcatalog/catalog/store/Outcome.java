package io.abstractcatalog.catalog.store;

/** What one event did to the catalog. */
public enum Outcome {
    /** The work was inserted or replaced by a newer version. */
    APPLIED,
    /** The work now redirects to another one; its own row is gone. */
    REDIRECTED,
    /** The catalog already held this version or a newer one: nothing changed (replays land here). */
    STALE,
    /** The database refused the event's data (e.g. a value too long to index); it was skipped. */
    REJECTED
}
