package io.abstractcatalog.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a search's phrases require, read from the tsquery PostgreSQL made of q (its text form, as
 * {@code websearch_to_tsquery(...)::text} prints it): the adjacent word pairs every match holds, whose keys (column
 * phrase_keys, V10) narrow the candidates a phrase is checked on, and the query's other terms.
 *
 * <p>Only pairs that every match must hold are returned: those of phrases reached from the top through AND alone
 * (not under OR or NOT), between two whole lexemes at distance 1 (not a prefix {@code :*}, not {@code <2>}). Leaving a
 * pair out only costs time; returning one a match may lack would hide that match.
 *
 * @param pairs      each "left right" as the phrase_key function of V10 takes them, in query order without repeats
 * @param otherTerms the query's top-level AND operands that are single lexemes or negated ones, as tsquery text
 *                   (null when none is a lexeme): conditions every match meets that the index over words can answer
 *                   without decoding the phrases' words
 */
record PhrasePairs(List<String> pairs, String otherTerms) {

    static final PhrasePairs NONE = new PhrasePairs(List.of(), null);

    /** Could websearch_to_tsquery make a phrase of q: a quote, or a word the parser splits (graph-based, o'neil). */
    private static final Pattern MAY_HOLD_PHRASE =
            Pattern.compile("\"|[\\p{L}\\p{N}][^\\p{L}\\p{N}\\s]+[\\p{L}\\p{N}]");

    /** Web-search syntax that makes q more than words in a row: a quote, a negation or "or". */
    private static final Pattern OPERATOR = Pattern.compile("\"|(^|\\s)-|(^|\\s)(?i:or)(\\s|$)");
    private static final Pattern THREE_WORDS =
            Pattern.compile("[\\p{L}\\p{N}][^\\p{L}\\p{N}]+[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]+[\\p{L}\\p{N}]");

    /** Whether q may hold a phrase, so its tsquery is worth reading; false means it surely holds none. */
    static boolean mayHoldPhrase(String q) {
        return q != null && MAY_HOLD_PHRASE.matcher(q).find();
    }

    /**
     * Whether q is three or more words and nothing else, as people type a title they remember: then it can also be
     * read as one phrase (phraseto_tsquery), and works whose title holds it are worth ranking however old (see
     * PageQuery).
     */
    static boolean isPlain(String q) {
        return q != null && THREE_WORDS.matcher(q).find() && !OPERATOR.matcher(q).find();
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** The pairs and other terms of a tsquery's text; NONE when it requires no pair. */
    static PhrasePairs of(String tsquery) {
        if (tsquery.isBlank()) {
            // Only stop words: the query matches nothing, and requires nothing.
            return NONE;
        }
        Node query = new Parser(tsquery).parse();
        Set<String> pairs = new LinkedHashSet<>();
        requiredOf(query, pairs);
        if (pairs.isEmpty()) {
            return NONE;
        }
        List<Node> operands = new ArrayList<>();
        conjuncts(query, operands);
        List<String> others = new ArrayList<>();
        boolean positive = false;
        for (Node operand : operands) {
            if (operand instanceof Lexeme lexeme) {
                others.add(tsquery.substring(lexeme.from(), lexeme.to()));
                positive = true;
            } else if (operand instanceof Not not) {
                others.add(tsquery.substring(not.from(), not.to()));
            }
        }
        return new PhrasePairs(List.copyOf(pairs), positive ? String.join(" & ", others) : null);
    }

    private static void conjuncts(Node node, List<Node> operands) {
        if (node instanceof And and) {
            conjuncts(and.left(), operands);
            conjuncts(and.right(), operands);
        } else {
            operands.add(node);
        }
    }

    private static void requiredOf(Node node, Set<String> pairs) {
        if (node instanceof And and) {
            requiredOf(and.left(), pairs);
            requiredOf(and.right(), pairs);
        } else if (node instanceof Phrase phrase) {
            pairsOf(phrase, pairs);
        }
    }

    /**
     * A phrase L <N> R matches where R begins N positions after L ends (PostgreSQL's phrase semantics), so with N = 1
     * the last lexeme of L and the first of R are adjacent; both sides are phrases that match too.
     */
    private static void pairsOf(Phrase phrase, Set<String> pairs) {
        if (phrase.left() instanceof Phrase left) {
            pairsOf(left, pairs);
        }
        if (phrase.right() instanceof Phrase right) {
            pairsOf(right, pairs);
        }
        String last = last(phrase.left());
        String first = first(phrase.right());
        if (phrase.distance() == 1 && last != null && first != null) {
            pairs.add(last + " " + first);
        }
    }

    private static String last(Node node) {
        if (node instanceof Lexeme lexeme) {
            return lexeme.prefix() ? null : lexeme.text();
        }
        return node instanceof Phrase phrase ? last(phrase.right()) : null;
    }

    private static String first(Node node) {
        if (node instanceof Lexeme lexeme) {
            return lexeme.prefix() ? null : lexeme.text();
        }
        return node instanceof Phrase phrase ? first(phrase.left()) : null;
    }

    private sealed interface Node permits Lexeme, Not, And, Or, Phrase {
    }

    /** A lexeme, with where its text begins and ends (quotes and suffix included). */
    private record Lexeme(String text, boolean prefix, int from, int to) implements Node {
    }

    /** A negation, with where its text begins and ends (the operand's parentheses included). */
    private record Not(Node operand, int from, int to) implements Node {
    }

    private record And(Node left, Node right) implements Node {
    }

    private record Or(Node left, Node right) implements Node {
    }

    private record Phrase(Node left, int distance, Node right) implements Node {
    }

    /**
     * The infix form tsqueryout prints: lexemes in single quotes (quote and backslash doubled) with an optional
     * {@code :} suffix of {@code *} and weights; {@code !} binds tighter than {@code <N>}, then {@code &}, then
     * {@code |}; all binary operators are left-associative; parentheses where precedence needs them.
     */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node parse() {
            Node node = or();
            skipSpaces();
            if (at != text.length()) {
                throw error("end of query");
            }
            return node;
        }

        private Node or() {
            Node node = and();
            while (take('|')) {
                node = new Or(node, and());
            }
            return node;
        }

        private Node and() {
            Node node = phrase();
            while (take('&')) {
                node = new And(node, phrase());
            }
            return node;
        }

        private Node phrase() {
            Node node = unary();
            while (peek('<')) {
                at++;
                int distance;
                if (take('-')) {
                    distance = 1;
                } else {
                    int start = at;
                    while (at < text.length() && Character.isDigit(text.charAt(at))) {
                        at++;
                    }
                    if (start == at) {
                        throw error("a distance");
                    }
                    distance = Integer.parseInt(text.substring(start, at));
                }
                if (!take('>')) {
                    throw error("'>'");
                }
                node = new Phrase(node, distance, unary());
            }
            return node;
        }

        private Node unary() {
            if (take('!')) {
                int from = at - 1;
                Node operand = unary();
                return new Not(operand, from, at);
            }
            if (take('(')) {
                Node node = or();
                if (!take(')')) {
                    throw error("')'");
                }
                return node;
            }
            if (!take('\'')) {
                throw error("a quoted lexeme");
            }
            int from = at - 1;
            StringBuilder lexeme = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("a closing quote");
                }
                char c = text.charAt(at++);
                if (c == '\'' && at < text.length() && text.charAt(at) == '\'') {
                    lexeme.append('\'');
                    at++;
                } else if (c == '\'') {
                    break;
                } else if (c == '\\' && at < text.length()) {
                    lexeme.append(text.charAt(at++));
                } else {
                    lexeme.append(c);
                }
            }
            boolean prefix = false;
            if (at < text.length() && text.charAt(at) == ':') {
                at++;
                while (at < text.length() && "*ABCDabcd".indexOf(text.charAt(at)) >= 0) {
                    prefix |= text.charAt(at) == '*';
                    at++;
                }
            }
            return new Lexeme(lexeme.toString(), prefix, from, at);
        }

        /** Skips spaces, then consumes c if it comes next. */
        private boolean take(char c) {
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            skipSpaces();
            return at < text.length() && text.charAt(at) == c;
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("tsquery '" + text + "': expected " + expected + " at " + at);
        }
    }
}
