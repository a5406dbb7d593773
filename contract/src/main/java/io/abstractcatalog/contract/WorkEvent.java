package io.abstractcatalog.contract;

/**
 * The one shape on topic {@link Topics#WORKS} (key: {@code workId}). {@code UPSERTED} carries the whole work;
 * {@code REDIRECTED} says the work {@code workId} is now part of {@code redirectTo}. {@code version} orders the events
 * of one work id (for UPSERTED it equals {@code work.version}); there are no tombstones: a null value is invalid.
 * Schema 2 carries the bibliographic fields of {@link Work}, schema 3 its {@link WorkMatches}; consumers read schemas
 * 1 to 3 alike (fields a schema lacks read as empty or null).
 */
public record WorkEvent(String schema, Type type, String workId, long version, Work work, String redirectTo) {

    public static final String SCHEMA = "work-event/3";

    public enum Type { UPSERTED, REDIRECTED }

    public WorkEvent {
        schema = schema == null ? SCHEMA : schema;
    }

    public static WorkEvent upserted(Work work) {
        return new WorkEvent(SCHEMA, Type.UPSERTED, work.workId(), work.version(), work, null);
    }

    public static WorkEvent redirected(String fromId, long version, String toId) {
        return new WorkEvent(SCHEMA, Type.REDIRECTED, fromId, version, null, toId);
    }
}
