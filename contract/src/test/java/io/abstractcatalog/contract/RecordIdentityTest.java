package io.abstractcatalog.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdentityTest {

    @Test
    void sameBytesAndPositionGiveTheSameId() {
        assertThat(RecordIdentity.recordId("b", "k.txt", "h1", 0)).isEqualTo(RecordIdentity.recordId("b", "k.txt", "h1", 0));
    }

    @Test
    void anyPartOfTheIdentityChangesTheId() {
        String id = RecordIdentity.recordId("b", "k.txt", "h1", 0);
        assertThat(id).startsWith("r-").hasSize(26)
                .isNotEqualTo(RecordIdentity.recordId("c", "k.txt", "h1", 0))
                .isNotEqualTo(RecordIdentity.recordId("b", "k2.txt", "h1", 0))
                .isNotEqualTo(RecordIdentity.recordId("b", "k.txt", "h2", 0))
                .isNotEqualTo(RecordIdentity.recordId("b", "k.txt", "h1", 1));
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        assertThat(RecordIdentity.recordId("a", "bc", "h", 0)).isNotEqualTo(RecordIdentity.recordId("ab", "c", "h", 0));
    }
}
