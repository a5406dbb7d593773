package io.abstractcatalog.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One author of a record or work, in the order the source lists them.
 *
 * @param name   the name as the source gives it ("Hinton, Geoffrey E.", "Geoffrey E. Hinton")
 * @param family the family name, when it can be told apart from the given names (with its particles: "van Gogh")
 * @param given  the given names or initials, when the source has them apart from the family name
 * @param orcid  the ORCID iD ({@code 0000-0002-1825-0097}), when the source has one
 */
public record Author(String name, String family, String given, String orcid) {

    /** Lower-case name particles that belong to the family name ("Ludwig van Beethoven" → "van Beethoven"). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "del", "della", "di", "da",
            "dos", "das", "du", "la", "le", "ten", "ter", "zu", "bin", "ibn", "al", "el", "st.", "dei", "degli");
    private static final Pattern ORCID = Pattern.compile("(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dXx])");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Initials written after a family name without dots: one to three capitals ("JA", "H"). */
    private static final Pattern VANCOUVER_INITIALS = Pattern.compile("\\p{Lu}{1,3}");

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Author(@JsonProperty("name") String name, @JsonProperty("family") String family,
                  @JsonProperty("given") String given, @JsonProperty("orcid") String orcid) {
        this.family = blankToNull(family);
        this.given = blankToNull(given);
        String shown = blankToNull(name);
        if (shown == null && this.family != null) {
            shown = this.given == null ? this.family : this.given + " " + this.family;
        }
        this.name = shown;
        this.orcid = orcid(orcid);
    }

    /**
     * An author known only by one string (CSV, JSON, RIS, events of schema 1): "Family, Given" splits at the comma;
     * "Given Family" takes as family the last word, or from the first lower-case word on ("Charles de la Vallée
     * Poussin"), with capitalised particles before it ("Van der Waals"); "Family JA" (initials in capitals after the
     * family name, as MEDLINE and Vancouver-style lists write them) keeps them as given; one word is a family name.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Author parse(String name) {
        String shown = name == null ? null : SPACES.matcher(name.strip()).replaceAll(" ");
        if (shown == null || shown.isEmpty()) {
            return new Author(null, null, null, null);
        }
        int comma = shown.indexOf(',');
        if (comma > 0) {
            String family = shown.substring(0, comma).strip();
            String rest = shown.substring(comma + 1).strip();
            // "Smith, Jr., John": the suffix goes with the family name's part, the given names come last.
            int second = rest.indexOf(',');
            String given = second >= 0 ? rest.substring(second + 1).strip() : rest;
            return new Author(shown, family, given, null);
        }
        List<String> words = List.of(shown.split(" "));
        if (words.size() == 1) {
            return new Author(shown, shown, null, null);
        }
        String last = words.get(words.size() - 1);
        if (VANCOUVER_INITIALS.matcher(last).matches()) {
            // "Casbon JA", "van der Berg H": MEDLINE's AU and Vancouver-style lists put initials after the family name
            return new Author(shown, String.join(" ", words.subList(0, words.size() - 1)), last, null);
        }
        int familyStart = words.size() - 1;
        boolean allLowerCase = shown.equals(shown.toLowerCase(Locale.ROOT));
        for (int i = 1; i < words.size() - 1 && !allLowerCase; i++) {
            if (Character.isLowerCase(words.get(i).charAt(0))) {
                familyStart = i; // BibTeX's "First von Last": the family name starts at the first lower-case word
                break;
            }
        }
        while (familyStart > 1 && PARTICLES.contains(words.get(familyStart - 1).toLowerCase(Locale.ROOT))) {
            familyStart--;
        }
        return new Author(shown, String.join(" ", words.subList(familyStart, words.size())),
                String.join(" ", words.subList(0, familyStart)), null);
    }

    /** This author with an ORCID iD (any spelling: bare, {@code https://orcid.org/…}); unchanged when it is none. */
    public Author withOrcid(String value) {
        String id = orcid(value);
        return id == null ? this : new Author(name, family, given, id);
    }

    /** The bare 16-character ORCID iD in {@code value}, upper-case check digit; null when there is none. */
    public static String orcid(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = ORCID.matcher(value);
        return matcher.find() ? matcher.group(1).toUpperCase(Locale.ROOT) : null;
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String stripped = SPACES.matcher(text.strip()).replaceAll(" ");
        return stripped.isEmpty() ? null : stripped;
    }
}
