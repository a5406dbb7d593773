package io.abstractcatalog.loadtest.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes new text in the style of real text: each next word is drawn from the words that followed the current one
 * somewhere in the training text (as often as they did). Two outputs share a word trigram only where the real
 * texts shared it or a chain happens to pass the same way, so outputs are far apart in word-3-shingle terms while
 * reading like abstracts. Sentences restart at a word that began a sentence in the training text.
 */
final class BigramChain {

    private final Map<String, String[]> successors;
    private final String[] sentenceStarts;

    private BigramChain(Map<String, String[]> successors, String[] sentenceStarts) {
        this.successors = successors;
        this.sentenceStarts = sentenceStarts;
    }

    static BigramChain train(List<String> texts) {
        Map<String, List<String>> next = new HashMap<>();
        List<String> starts = new ArrayList<>();
        for (String text : texts) {
            String[] words = text.split(" ");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            starts.add(words[0]);
            for (int i = 0; i + 1 < words.length; i++) {
                next.computeIfAbsent(words[i], k -> new ArrayList<>()).add(words[i + 1]);
                if (endsSentence(words[i]) && Character.isUpperCase(words[i + 1].charAt(0))) {
                    starts.add(words[i + 1]);
                }
            }
        }
        Map<String, String[]> successors = new HashMap<>();
        next.forEach((word, list) -> successors.put(word, list.toArray(String[]::new)));
        return new BigramChain(successors, starts.toArray(String[]::new));
    }

    /** Exactly {@code words} words, without sentence punctuation added: a title. */
    String writeTitle(int words, Random random) {
        StringBuilder text = new StringBuilder(words * 8);
        String word = sentenceStarts[random.nextInt(sentenceStarts.length)];
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(word);
            String[] options = successors.get(word);
            word = options == null ? sentenceStarts[random.nextInt(sentenceStarts.length)] : options[random.nextInt(options.length)];
        }
        return text.toString();
    }

    /** About {@code words} words; ends at a sentence end when one comes within a few words of the target. */
    String write(int words, Random random) {
        StringBuilder text = new StringBuilder(words * 8);
        String word = sentenceStarts[random.nextInt(sentenceStarts.length)];
        for (int i = 0; ; i++) {
            text.append(word);
            if (i + 1 >= words && (endsSentence(word) || i + 1 >= words + 15)) {
                break;
            }
            String[] options = successors.get(word);
            if (options == null) { // the word only ended a text: start a new sentence
                if (!endsSentence(word)) {
                    text.append('.');
                }
                word = sentenceStarts[random.nextInt(sentenceStarts.length)];
            } else {
                word = options[random.nextInt(options.length)];
            }
            text.append(' ');
        }
        return text.toString();
    }

    static boolean endsSentence(String word) {
        return word.endsWith(".") && word.length() > 2 && !word.endsWith("e.g.") && !word.endsWith("i.e.")
                && !word.endsWith("al.");
    }
}
