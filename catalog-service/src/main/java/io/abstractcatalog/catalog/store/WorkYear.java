package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.Work;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year of a work, as far as the catalog can tell. The contract's {@link Work} has no year (a {@code Work.year},
 * merged by dedup-service from {@code RawRecord.year}, would be the real fix); until then the earliest arXiv id
 * gives the year the paper first appeared on arXiv. Works without an arXiv id have no year. Migration V6 applies
 * the same rule to rows written before.
 */
public final class WorkYear {

    private static final Pattern NEW_STYLE = Pattern.compile("(?i)^(?:arxiv:)?(\\d{2})(\\d{2})\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile("(?i)^(?:arxiv:)?[a-z-]+(?:\\.[a-z-]+)?/(\\d{2})\\d{5}");

    private WorkYear() {
    }

    public static Integer of(Work work) {
        Integer earliest = null;
        for (String id : work.identifiers().arxiv()) {
            Integer year = fromArxivId(id);
            if (year != null && (earliest == null || year < earliest)) {
                earliest = year;
            }
        }
        return earliest;
    }

    static Integer fromArxivId(String id) {
        if (id == null) {
            return null;
        }
        String value = id.strip();
        Matcher matcher = NEW_STYLE.matcher(value);
        if (matcher.find()) {
            return 2000 + Integer.parseInt(matcher.group(1));
        }
        matcher = OLD_STYLE.matcher(value);
        if (matcher.find()) {
            int yy = Integer.parseInt(matcher.group(1));
            return (yy >= 91 ? 1900 : 2000) + yy;
        }
        return null;
    }
}
