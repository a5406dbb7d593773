package io.abstractcatalog.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.abstractcatalog.contract.http.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"page.txt", "2024/march/page.txt", "papers.jsonl.gz", "Résumé des travaux.bib", "a..b.txt",
            "name with spaces.csv", "日本語.ris"})
    void plainRelativeNamesAreKeys(String name) {
        assertThat(FileNames.validate(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "../x.txt", "a/../../x.txt", "a/./x.txt", "/etc/passwd", "a//b.txt", "a/", "a\\..\\b",
            "a\tb.txt", "a\rb.txt", "a\u007fb.txt", "a\u0085b.txt", "a\u2028b.txt", "a\u202eb.txt", "a\u200bb.txt",
            ".env", "a/.ssh/id_rsa", "x.part", "x.tmp"})
    void everythingElseIsABadRequest(String name) {
        assertThatThrownBy(() -> FileNames.validate(name)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1025})
    void overlongNamesAreRefused(int length) {
        String name = length > 1024 ? "a/".repeat(length / 2) + "x" : "x".repeat(length);
        assertThatThrownBy(() -> FileNames.validate(name)).isInstanceOf(ProblemException.class);
    }
}
