package io.abstractcatalog.catalog.store;

import io.abstractcatalog.contract.Work;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The year of a work: the year the work event gives (schema 2: merged by dedup-service from its records), else, for
 * events of schema 1 and works whose records gave none, the year of its earliest arXiv id (when the paper first
 * appeared on arXiv). Migration V6 applied the arXiv rule to rows written before.
 */
public final class WorkYear {

    private static final Pattern NEW_STYLE = Pattern.compile("(?i)^(?:arxiv:)?(\\d{2})(\\d{2})\\.\\d{4,5}");
    private static final Pattern OLD_STYLE = Pattern.compile("(?i)^(?:arxiv:)?[a-z-]+(?:\\.[a-z-]+)?/(\\d{2})\\d{5}");

    private WorkYear() {
    }

    public static Integer of(Work work) {
        if (work.year() != null) {
            return work.year();
        }
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
