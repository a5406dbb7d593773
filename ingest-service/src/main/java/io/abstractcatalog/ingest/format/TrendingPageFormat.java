package io.abstractcatalog.ingest.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A "trending papers" web page saved as text: a few lines of page furniture, then a title line and an abstract
 * line per paper. The furniture seen so far is the newsletter pitch ("Get trending papers in your email inbox once a
 * day!") and a "Subscribe" button whose label lands glued to the first title ({@code SubscribeMeta-Learning…}):
 * it is dropped wherever it shows, so it never becomes part of a title.
 */
public final class TrendingPageFormat implements LineFormat {

    public static final String NAME = "trending-page";

    private static final Pattern PITCH = Pattern.compile("(?i)get trending papers in your (e-?mail )?inbox.*");
    /** "Subscribe" alone, or glued to a title that starts with anything but a lower-case letter ("Subscriber…" is a word). */
    private static final Pattern SUBSCRIBE = Pattern.compile("Subscribe(\\s*$|\\s*(?=[^\\p{Ll}\\s]))");
    /** Titles are short; an abstract is a paragraph. Measured on the samples: titles ≤ 172, abstracts ≥ 423 characters. */
    private static final int MAX_TITLE = 300;
    private static final int MIN_ABSTRACT = 150;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> extensions() {
        return List.of("txt");
    }

    @Override
    public int confidence(List<Line> head) {
        if (head.stream().anyMatch(AffiliationPageFormat::startsRecord)) {
            return 0;
        }
        if (head.stream().anyMatch(line -> isPitch(line.text().strip()))) {
            return 100;
        }
        // No furniture: still this format when the head alternates short title lines and long abstract lines.
        List<String> content = withoutFurniture(head);
        if (content.size() < 2) {
            return 0;
        }
        for (int i = 0; i + 1 < content.size(); i += 2) {
            String title = content.get(i);
            String abstractText = content.get(i + 1);
            if (title.length() > MAX_TITLE || abstractText.length() < MIN_ABSTRACT || abstractText.length() < 2 * title.length()) {
                return 0;
            }
        }
        return 60;
    }

    @Override
    public void parse(LineReader lines, RecordSink sink) throws IOException {
        int maxLength = lines.maxLineLength();
        boolean inHeader = true;
        int ordinal = 0;
        Line titleLine = null;
        String title = null;
        for (Line line = lines.next(); line != null; line = lines.next()) {
            String text = line.text().strip();
            if (text.isEmpty() || isPitch(text)) {
                continue;
            }
            if (inHeader) {
                text = withoutSubscribe(text);
                if (text.isEmpty()) {
                    continue;
                }
                inHeader = false;
            }
            if (titleLine == null) {
                titleLine = line;
                title = text;
                continue;
            }
            int position = ordinal++;
            if (titleLine.truncated() || line.truncated()) {
                Line longLine = titleLine.truncated() ? titleLine : line;
                sink.reject(new ParseRejection(position, longLine.number(),
                        "line longer than " + maxLength + " characters", longLine.excerpt()));
            } else {
                sink.accept(new ParsedRecord(position, titleLine.number(), title, text, List.of()));
            }
            titleLine = null;
        }
        if (titleLine != null) {
            sink.reject(new ParseRejection(ordinal, titleLine.number(), "title without abstract", titleLine.excerpt()));
        }
    }

    private static boolean isPitch(String text) {
        return PITCH.matcher(text).matches();
    }

    private static String withoutSubscribe(String text) {
        var matcher = SUBSCRIBE.matcher(text);
        return matcher.lookingAt() ? text.substring(matcher.end()).strip() : text;
    }

    private static List<String> withoutFurniture(List<Line> head) {
        List<String> content = new ArrayList<>();
        for (Line line : head) {
            String text = line.text().strip();
            if (!isPitch(text)) {
                text = content.isEmpty() ? withoutSubscribe(text) : text;
                if (!text.isEmpty()) {
                    content.add(text);
                }
            }
        }
        return content;
    }
}
