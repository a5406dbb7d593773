package io.abstractcatalog.catalog.work;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A match decision in plain words, for people (the work page) and for the API's {@code reason} and
 * {@code explanation}: one way to say it. Rules the catalog does not know yet (a newer matcher) are shown by name.
 */
public final class MatchWords {

    private MatchWords() {
    }

    /** The rule that joined the pair, as a sentence. */
    public static String reason(String rule) {
        return switch (rule == null ? "" : rule) {
            case "SAME_ARXIV" -> "Both records carry the same arXiv id.";
            case "SAME_PMID" -> "Both records carry the same PubMed id.";
            case "SAME_PMCID" -> "Both records carry the same PubMed Central id.";
            case "SAME_DOI" -> "Both records carry the same DOI, and their titles do not conflict.";
            case "SAME_FINGERPRINT" -> "The abstracts are the same text (ignoring case, accents, markup and spacing).";
            case "SIMILAR_ABSTRACT" -> "The abstracts are near copies: most of their word sequences are shared.";
            case "CONTAINED_ABSTRACT" -> "One abstract lies almost wholly inside the other (a cut or extended copy).";
            case "SAME_TITLE_SIMILAR_ABSTRACT" -> "The titles agree and the abstracts overlap.";
            case "SAME_OPENING" -> "The abstracts begin with the same words (cut or revised copies), and neither the "
                    + "titles nor the years disagree.";
            case "SAME_TITLE_AUTHORS" -> "The titles and the authors agree, whatever the abstracts say (a cut abstract, "
                    + "a preprint and its published version).";
            case "SAME_TITLE" -> "The same title, with no abstract to compare and no author list to contradict it.";
            default -> "Joined by the rule " + rule + ".";
        };
    }

    /** The evidence, one short line per kind: identifiers, abstracts, titles, authors, years, venues. */
    public static List<String> explanation(MatchEvidence e) {
        List<String> lines = new ArrayList<>();
        if (e.identifier() != null) {
            lines.add("Identifier: the same " + identifierName(e.identifier()) + ".");
        }
        if (e.abstractJaccard() != null) {
            String line = String.format(Locale.ENGLISH, "Abstracts: %d%% of their word triples shared (Jaccard %.2f)",
                    Math.round(100 * e.abstractJaccard()), e.abstractJaccard());
            if (e.containment() != null) {
                line += String.format(Locale.ENGLISH, "; %d%% of the shorter one inside the longer",
                        Math.round(100 * e.containment()));
            }
            lines.add(line + (e.sameOpening() ? "; they begin with the same words." : "."));
        } else {
            lines.add("Abstracts: not compared (missing or too short on a record)"
                    + (e.sameOpening() ? "; they begin with the same words." : "."));
        }
        lines.add("Titles: " + title(e.titleRelation()) + (e.titleGeneric() ? " (a generic title: it counts for nothing on its own)." : "."));
        if (e.authorsA() > 0 && e.authorsB() > 0) {
            lines.add(String.format(Locale.ENGLISH, "Authors: %d shared (%d and %d listed).", e.sharedAuthors(),
                    e.authorsA(), e.authorsB()));
        } else if (e.authorsA() > 0 || e.authorsB() > 0) {
            lines.add("Authors: listed on one record only.");
        }
        if (e.yearA() != null && e.yearB() != null) {
            lines.add(e.yearA().equals(e.yearB()) ? "Year: " + e.yearA() + " on both." : "Years: " + e.yearA() + " and "
                    + e.yearB() + ".");
        } else if (e.yearA() != null || e.yearB() != null) {
            lines.add("Year: " + (e.yearA() != null ? e.yearA() : e.yearB()) + " on one record only.");
        }
        if (e.sameVenue() != null) {
            lines.add(e.sameVenue() ? "Venue: the same." : "Venues: different.");
        }
        return lines;
    }

    private static String identifierName(String kind) {
        return switch (kind) {
            case "doi" -> "DOI";
            case "arxiv" -> "arXiv id";
            case "pmid" -> "PubMed id";
            case "pmcid" -> "PubMed Central id";
            default -> kind;
        };
    }

    private static String title(String relation) {
        return switch (relation == null ? "" : relation) {
            case "EQUAL" -> "equal";
            case "PREFIX" -> "one begins the other (a subtitle left out)";
            case "SUFFIX" -> "one ends the other (words extracted in front of one)";
            case "SIMILAR" -> "nearly the same words";
            case "ABSENT" -> "missing on a record";
            case "DIFFERENT" -> "different";
            default -> relation == null ? "unknown" : relation.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
