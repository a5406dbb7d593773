package io.abstractcatalog.catalog.consume;

import io.abstractcatalog.contract.Topics;
import io.abstractcatalog.contract.WorkEvent;

/**
 * One record of topic "works" read as a {@link WorkEvent}, or the reason it cannot be one. Decoding here, with the
 * topic's serde, instead of in the consumer's deserializer, keeps a poison message a per-record outcome rather than
 * an exception out of poll().
 */
record DecodedEvent(WorkEvent event, String problem) {

    static DecodedEvent decode(byte[] value) {
        if (value == null) {
            return invalid("null value (tombstone): the contract has no deletions, nothing to apply");
        }
        WorkEvent event;
        try {
            event = Topics.WORKS.valueSerde().deserializer().deserialize(Topics.WORKS.name(), value);
        } catch (RuntimeException e) {
            return invalid(e.getMessage());
        }
        if (event == null) {
            return invalid("the JSON value is null");
        }
        return check(event);
    }

    boolean valid() {
        return problem == null;
    }

    /** Rejects events the writer could not apply meaningfully, so the database only ever sees sound ones. */
    private static DecodedEvent check(WorkEvent event) {
        if (event.type() == null) {
            return invalid("no type (expected UPSERTED or REDIRECTED)");
        }
        if (event.workId() == null || event.workId().isBlank()) {
            return invalid("no workId");
        }
        return switch (event.type()) {
            case UPSERTED -> {
                if (event.work() == null) {
                    yield invalid("UPSERTED without a work");
                }
                if (!event.workId().equals(event.work().workId())) {
                    yield invalid("event workId " + event.workId() + " differs from work.workId " + event.work().workId());
                }
                if (event.version() != event.work().version()) {
                    yield invalid("event version " + event.version() + " differs from work.version " + event.work().version());
                }
                yield new DecodedEvent(event, null);
            }
            case REDIRECTED -> {
                if (event.redirectTo() == null || event.redirectTo().isBlank()) {
                    yield invalid("REDIRECTED without redirectTo");
                }
                if (event.redirectTo().equals(event.workId())) {
                    yield invalid("REDIRECTED to itself");
                }
                yield new DecodedEvent(event, null);
            }
        };
    }

    private static DecodedEvent invalid(String problem) {
        return new DecodedEvent(null, problem);
    }
}
