package io.abstractcatalog.loadtest.generate;

import java.util.List;

/** One work the generator made up: the text every copy of it starts from. */
public record SyntheticWork(int index, String title, String abstractText, List<String> authors, String affiliation,
                            int year) {
}
