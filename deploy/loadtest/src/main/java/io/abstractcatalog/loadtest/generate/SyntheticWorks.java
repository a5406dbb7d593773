package io.abstractcatalog.loadtest.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Work number {@code i} as a pure function of (seed, i): so a copy of work 7 in file 900 is made by making work 7
 * again, and a million works need no memory beyond their titles' hashes. Titles are kept distinct (after folding case
 * and punctuation): the matcher lets two records with the same title match on far less abstract overlap.
 */
public final class SyntheticWorks {

    /** Shortest abstract made: enough word 3-shingles that the matcher compares abstracts rather than giving up. */
    static final int MIN_WORDS = 50;
    static final int MAX_WORDS = 300;

    /** Real institutions, as the affiliation line of a page or a record's affiliation. */
    static final List<String> INSTITUTIONS = List.of(
            "The University of Tokyo", "Massachusetts Institute of Technology", "ETH Zurich", "University of Oxford",
            "Max Planck Institute for Physics", "CERN", "Stanford University", "Tsinghua University",
            "University of Cambridge", "EPFL", "Sorbonne Université", "University of Toronto",
            "Weizmann Institute of Science", "Indian Institute of Science", "Universidade de São Paulo",
            "Karolinska Institutet", "National University of Singapore", "Kyoto University", "Peking University",
            "University of Melbourne", "Technische Universität München", "Université Paris-Saclay",
            "California Institute of Technology", "Seoul National University", "University of Cape Town",
            "Universidad de Buenos Aires", "Princeton University", "Imperial College London",
            "Niels Bohr Institute", "Fermi National Accelerator Laboratory");

    private final long seed;
    private final BigramChain abstracts;
    private final BigramChain titles;
    private final int[] lengths;
    private final List<String> authors;
    private final Set<Long> titleKeys = new HashSet<>();
    /** Attempts per work index (0 = first draw); a redraw happens only when a title was taken. */
    private final ArrayList<Byte> attempts = new ArrayList<>();

    public SyntheticWorks(Corpus corpus, long seed) {
        this.seed = seed;
        List<String> abstractTexts = new ArrayList<>();
        List<String> titleTexts = new ArrayList<>();
        List<Integer> lengthList = new ArrayList<>();
        List<String> authorList = new ArrayList<>();
        for (Corpus.Entry entry : corpus.entries()) {
            abstractTexts.add(entry.abstractText());
            if (entry.title().split(" ").length >= 3) {
                titleTexts.add(entry.title());
            }
            lengthList.add(Math.max(MIN_WORDS, Math.min(MAX_WORDS, entry.abstractText().split(" ").length)));
            authorList.addAll(entry.authors());
        }
        this.abstracts = BigramChain.train(abstractTexts);
        this.titles = BigramChain.train(titleTexts.isEmpty() ? abstractTexts : titleTexts);
        this.lengths = lengthList.stream().mapToInt(Integer::intValue).toArray();
        this.authors = authorList.isEmpty() ? List.of("A. Author") : List.copyOf(authorList);
    }

    /** How many works have been made so far; the next new one gets this index. */
    public int count() {
        return attempts.size();
    }

    /** Makes the next work with a title no earlier work has. */
    public SyntheticWork next() {
        int index = attempts.size();
        for (int attempt = 0; attempt < Byte.MAX_VALUE; attempt++) {
            SyntheticWork work = make(index, attempt);
            if (titleKeys.add(titleKey(work.title()))) {
                attempts.add((byte) attempt);
                return work;
            }
        }
        throw new IllegalStateException("no distinct title for work " + index + " after " + Byte.MAX_VALUE + " draws");
    }

    /** Work {@code index} again, identical to what {@link #next()} returned for it. */
    public SyntheticWork get(int index) {
        return make(index, attempts.get(index));
    }

    private SyntheticWork make(int index, int attempt) {
        Random random = new Random(mix(seed, index, attempt));
        String title = titles.writeTitle(6 + random.nextInt(9), random);
        String abstractText = abstracts.write(lengths[random.nextInt(lengths.length)], random);
        int authorCount = 1 + random.nextInt(4);
        List<String> names = new ArrayList<>(authorCount);
        for (int i = 0; i < authorCount; i++) {
            names.add(authors.get(random.nextInt(authors.size())));
        }
        String affiliation = INSTITUTIONS.get(random.nextInt(INSTITUTIONS.size()));
        return new SyntheticWork(index, title, abstractText, List.copyOf(names), affiliation, 1995 + random.nextInt(31));
    }

    static long titleKey(String title) {
        String folded = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        long h = 1125899906842597L;
        for (int i = 0; i < folded.length(); i++) {
            h = 31 * h + folded.charAt(i);
        }
        return mix(h, folded.length(), 0);
    }

    static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b;
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL + c;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
