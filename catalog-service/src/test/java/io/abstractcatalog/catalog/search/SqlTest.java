package io.abstractcatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void fragmentsKeepTheirValuesInTheOrderOfTheirPlaceholders() {
        Sql inner = Sql.of("SELECT * FROM work w WHERE w.year >= ?", 2018).append(" AND w.year <= ?", 2020);
        Sql sql = Sql.of("WITH a AS (SELECT ? AS x) ", "first").append(inner).append(" LIMIT ?", 21);

        assertThat(sql.text())
                .isEqualTo("WITH a AS (SELECT ? AS x) SELECT * FROM work w WHERE w.year >= ? AND w.year <= ? LIMIT ?");
        assertThat(sql.binds()).containsExactly("first", 2018, 2020, 21);
    }

    @Test
    void anArrayIsOneValue() {
        String[] words = {"geoffrey", "hinton"};
        Sql sql = Sql.of("au.name_words @> ?::text[]", (Object) words);

        assertThat(sql.binds()).containsExactly((Object) words);
    }

    @Test
    void aFragmentWhoseValuesDoNotMatchItsPlaceholdersIsRefused() {
        assertThatThrownBy(() -> Sql.of("w.year BETWEEN ? AND ?", 2018))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 values for 2 placeholders");
        assertThatThrownBy(() -> new Sql().append(" AND w.member_count > 1", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
