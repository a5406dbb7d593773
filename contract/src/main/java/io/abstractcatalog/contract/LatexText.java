package io.abstractcatalog.contract;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one table of LaTeX commands and their Unicode text, and its two readings. Each command is marked with the mode
 * LaTeX accepts it in: {@link Mode#TEXT} ({@code \'e}, {@code \ss}, {@code \emph}) or {@link Mode#MATH}
 * ({@code \tilde}, {@code \alpha}, {@code \mathrm}).
 * <ul>
 *   <li>{@link #ofBibtex}: ingest shows BibTeX values as plain text; math ({@code $…$}) stays as written, so only
 *       text-mode commands apply, and grouping braces and {@code ~} go.</li>
 *   <li>{@link #foldForMatching}: dedup folds abstracts (arXiv above all) towards the text another source prints for
 *       the same paper ({@code $\mu$P} → {@code μP}), so every command applies; braces, {@code $}, {@code ^} and
 *       {@code _} are left to dedup's later steps. What is not in the table is kept as written, never guessed.</li>
 * </ul>
 * A change to the table changes dedup's normalized text: bump {@code TextNormalizer.VERSION} with it.
 */
public final class LatexText {

    /** Where LaTeX accepts a command. */
    public enum Mode { TEXT, MATH }

    private record Entry<T>(T value, Mode mode) {
    }

    /** Accent commands and the combining mark they put on the next letter. */
    private static final Map<String, Entry<Character>> ACCENTS = Map.ofEntries(
            accent("\"", '\u0308', Mode.TEXT), accent("'", '\u0301', Mode.TEXT), accent("`", '\u0300', Mode.TEXT),
            accent("^", '\u0302', Mode.TEXT), accent("~", '\u0303', Mode.TEXT), accent("=", '\u0304', Mode.TEXT),
            accent(".", '\u0307', Mode.TEXT), accent("u", '\u0306', Mode.TEXT), accent("v", '\u030C', Mode.TEXT),
            accent("H", '\u030B', Mode.TEXT), accent("c", '\u0327', Mode.TEXT), accent("k", '\u0328', Mode.TEXT),
            accent("r", '\u030A', Mode.TEXT), accent("d", '\u0323', Mode.TEXT), accent("b", '\u0331', Mode.TEXT),
            accent("t", '\u0361', Mode.TEXT),
            accent("acute", '\u0301', Mode.MATH), accent("grave", '\u0300', Mode.MATH), accent("hat", '\u0302', Mode.MATH),
            accent("ddot", '\u0308', Mode.MATH), accent("tilde", '\u0303', Mode.MATH), accent("bar", '\u0304', Mode.MATH),
            accent("dot", '\u0307', Mode.MATH), accent("check", '\u030C', Mode.MATH), accent("breve", '\u0306', Mode.MATH),
            accent("vec", '\u20D7', Mode.MATH));

    /** Commands that stand for a letter, a symbol or a word; empty text: the command only shapes the output. */
    private static final Map<String, Entry<String>> SYMBOLS = Map.ofEntries(
            // letters
            text("ss", "ß"), text("o", "ø"), text("O", "Ø"), text("ae", "æ"), text("AE", "Æ"), text("oe", "œ"),
            text("OE", "Œ"), text("aa", "å"), text("AA", "Å"), text("l", "ł"), text("L", "Ł"), text("i", "ı"),
            text("j", "ȷ"), text("dh", "ð"), text("DH", "Ð"), text("th", "þ"), text("TH", "Þ"),
            // punctuation and words
            text("textendash", "–"), text("textemdash", "—"), text("textquoteright", "’"), text("textquoteleft", "‘"),
            text("ldots", "…"), text("dots", "…"), text("LaTeX", "LaTeX"), text("TeX", "TeX"), text("noindent", ""),
            text("quad", " "), text("qquad", " "),
            // Greek (lower and upper)
            math("alpha", "α"), math("beta", "β"), math("gamma", "γ"), math("delta", "δ"), math("epsilon", "ε"),
            math("varepsilon", "ε"), math("zeta", "ζ"), math("eta", "η"), math("theta", "θ"), math("vartheta", "θ"),
            math("iota", "ι"), math("kappa", "κ"), math("lambda", "λ"), math("mu", "μ"), math("nu", "ν"), math("xi", "ξ"),
            math("pi", "π"), math("varpi", "π"), math("rho", "ρ"), math("varrho", "ρ"), math("sigma", "σ"),
            math("varsigma", "σ"), math("tau", "τ"), math("upsilon", "υ"), math("phi", "φ"), math("varphi", "φ"),
            math("chi", "χ"), math("psi", "ψ"), math("omega", "ω"), math("Gamma", "Γ"), math("Delta", "Δ"),
            math("Theta", "Θ"), math("Lambda", "Λ"), math("Xi", "Ξ"), math("Pi", "Π"), math("Sigma", "Σ"),
            math("Upsilon", "Υ"), math("Phi", "Φ"), math("Psi", "Ψ"), math("Omega", "Ω"),
            math("ell", "ℓ"), math("hbar", "ℏ"),
            // relations and operators
            math("le", "≤"), math("leq", "≤"), math("ge", "≥"), math("geq", "≥"), math("neq", "≠"), math("ne", "≠"),
            math("approx", "≈"), math("simeq", "≃"), math("sim", "~"), math("equiv", "≡"), math("propto", "∝"),
            math("ll", "≪"), math("gg", "≫"), math("times", "×"), math("cdot", "·"), math("pm", "±"), math("mp", "∓"),
            math("infty", "∞"), math("partial", "∂"), math("nabla", "∇"), math("sum", "∑"), math("prod", "∏"),
            math("int", "∫"), math("sqrt", "√"), math("in", "∈"), math("notin", "∉"), math("subset", "⊂"),
            math("subseteq", "⊆"), math("cup", "∪"), math("cap", "∩"), math("forall", "∀"), math("exists", "∃"),
            math("to", "→"), math("rightarrow", "→"), math("leftarrow", "←"), math("Rightarrow", "⇒"),
            math("leftrightarrow", "↔"), math("mapsto", "↦"), math("langle", "⟨"), math("rangle", "⟩"),
            // an ellipsis either way: matching folds "…" (NFKC) to "..." like the other dots
            math("cdots", "…"), math("degree", "°"), math("circ", "°"),
            // function names print as words
            math("log", "log"), math("ln", "ln"), math("exp", "exp"), math("sin", "sin"), math("cos", "cos"),
            math("tan", "tan"), math("max", "max"), math("min", "min"), math("lim", "lim"), math("sup", "sup"),
            math("inf", "inf"), math("det", "det"), math("dim", "dim"), math("ker", "ker"), math("Pr", "Pr"),
            // sizing: nothing
            math("left", ""), math("right", ""), math("big", ""), math("Big", ""), math("bigg", ""),
            math("displaystyle", ""), math("textstyle", ""), math("limits", ""), math("nolimits", ""));

    /**
     * LaTeX's names of the characters it reserves, as BibTeX exports (the catalog's, Zotero's) write them; read back
     * by {@link #ofBibtex} only: matching needs no reserved character back, and its later escape step would read the
     * {@code \{} of {@code \textbackslash{}} as an escaped brace.
     */
    private static final Map<String, String> RESERVED_NAMES = Map.of("textbackslash", "\\", "textbraceleft", "{",
            "textbraceright", "}", "textasciitilde", "~", "textasciicircum", "^");

    /** Commands whose braced argument is the text: {@code \emph{x}} → {@code x}. */
    private static final Map<String, Mode> ARGUMENT_IS_TEXT = Map.ofEntries(
            Map.entry("emph", Mode.TEXT), Map.entry("textit", Mode.TEXT), Map.entry("textbf", Mode.TEXT),
            Map.entry("texttt", Mode.TEXT), Map.entry("textsc", Mode.TEXT), Map.entry("textrm", Mode.TEXT),
            Map.entry("textsf", Mode.TEXT), Map.entry("textup", Mode.TEXT), Map.entry("textmd", Mode.TEXT),
            Map.entry("textsl", Mode.TEXT), Map.entry("textnormal", Mode.TEXT), Map.entry("text", Mode.TEXT),
            Map.entry("mbox", Mode.TEXT), Map.entry("uppercase", Mode.TEXT), Map.entry("url", Mode.TEXT),
            Map.entry("underline", Mode.TEXT),
            Map.entry("mathrm", Mode.MATH), Map.entry("mathbf", Mode.MATH), Map.entry("mathit", Mode.MATH),
            Map.entry("mathsf", Mode.MATH), Map.entry("mathtt", Mode.MATH), Map.entry("mathcal", Mode.MATH),
            Map.entry("mathbb", Mode.MATH), Map.entry("mathfrak", Mode.MATH), Map.entry("mathscr", Mode.MATH),
            Map.entry("boldsymbol", Mode.MATH), Map.entry("bm", Mode.MATH), Map.entry("operatorname", Mode.MATH),
            Map.entry("overline", Mode.MATH), Map.entry("widetilde", Mode.MATH), Map.entry("widehat", Mode.MATH));

    /** Font switches inside a group: {@code {\bf x}} → {@code x}. */
    private static final Map<String, Mode> FONT_SWITCHES = Map.ofEntries(
            Map.entry("bf", Mode.TEXT), Map.entry("it", Mode.TEXT), Map.entry("em", Mode.TEXT), Map.entry("rm", Mode.TEXT),
            Map.entry("sf", Mode.TEXT), Map.entry("tt", Mode.TEXT), Map.entry("sc", Mode.TEXT), Map.entry("sl", Mode.TEXT),
            Map.entry("small", Mode.TEXT), Map.entry("large", Mode.TEXT), Map.entry("Large", Mode.TEXT),
            Map.entry("footnotesize", Mode.TEXT), Map.entry("normalsize", Mode.TEXT), Map.entry("cal", Mode.MATH));

    /** The characters a backslash escapes: {@code \%} → {@code %}. */
    private static final String ESCAPED = "&%$#_{}";
    /** Spacing commands, {@code \,} {@code \;} {@code \:} {@code \!} {@code \ } and the line break {@code \\}: a space. */
    private static final String SPACES = ",;:! \\";

    private LatexText() {
    }

    // ---- ofBibtex: text-mode commands, math kept as written ---------------------------------------------------------

    /** Plain text of a BibTeX value; whitespace runs (line breaks of the .bib file) become one space. */
    public static String ofBibtex(String latex) {
        if (latex == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(latex.length());
        int i = 0;
        int to = latex.length();
        while (i < to) {
            char c = latex.charAt(i);
            if (c == '$') {
                int close = latex.indexOf('$', i + 1);
                if (close < 0) {
                    close = to - 1;
                }
                out.append(latex, i, close + 1); // math as written
                i = close + 1;
            } else if (c == '{' || c == '}') {
                i++; // grouping (case protection) braces
            } else if (c == '~') {
                out.append(' ');
                i++;
            } else if (c == '\\' && i + 1 < to) {
                i = command(latex, i, to, out);
            } else {
                out.append(c);
                i++;
            }
        }
        String text = Normalizer.normalize(out, Normalizer.Form.NFC);
        return text.replaceAll("\\s+", " ").strip();
    }

    /** Folds the command at {@code s[i] == '\\'}; returns the index after it. */
    private static int command(String s, int i, int to, StringBuilder out) {
        char next = s.charAt(i + 1);
        if (!Character.isLetter(next)) {
            Character mark = inText(ACCENTS.get(String.valueOf(next)));
            if (mark != null) {
                return accent(s, i + 2, to, mark, out);
            }
            out.append(SPACES.indexOf(next) >= 0 ? ' ' : next); // escaped specials and unknown symbols: the character
            return i + 2;
        }
        int end = i + 1;
        while (end < to && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String name = s.substring(i + 1, end);
        Character mark = inText(ACCENTS.get(name));
        if (mark != null) {
            return accent(s, end, to, mark, out);
        }
        String symbol = inText(SYMBOLS.get(name));
        if (symbol == null) {
            symbol = RESERVED_NAMES.get(name);
        }
        if (symbol != null) {
            out.append(symbol);
            return skipEmptyGroupOrSpace(s, end, to);
        }
        if (ARGUMENT_IS_TEXT.get(name) == Mode.TEXT) {
            return end; // the braces that follow are dropped as grouping, their content kept
        }
        if (FONT_SWITCHES.get(name) == Mode.TEXT) {
            return end < to && s.charAt(end) == ' ' ? end + 1 : end;
        }
        out.append(s, i, end); // unknown (or math-only) command: kept as written
        return end;
    }

    /** The letter after an accent command: {@code u}, {@code {u}}, {@code {\i}} or {@code  u}; it gets the combining mark. */
    private static int accent(String s, int i, int to, char mark, StringBuilder out) {
        int j = i;
        while (j < to && s.charAt(j) == ' ') {
            j++;
        }
        boolean braced = j < to && s.charAt(j) == '{';
        if (braced) {
            j++;
        }
        if (j >= to) {
            return j;
        }
        String base;
        if (s.charAt(j) == '\\' && j + 1 < to && (s.charAt(j + 1) == 'i' || s.charAt(j + 1) == 'j')
                && (j + 2 >= to || !Character.isLetter(s.charAt(j + 2)))) {
            base = s.charAt(j + 1) == 'i' ? "i" : "j";
            j += 2;
        } else {
            base = String.valueOf(s.charAt(j));
            j++;
        }
        out.append(base).append(mark);
        if (braced) {
            while (j < to && s.charAt(j) == ' ') {
                j++;
            }
            if (j < to && s.charAt(j) == '}') {
                j++;
            }
        }
        return j;
    }

    private static int skipEmptyGroupOrSpace(String s, int i, int to) {
        if (i + 1 < to && s.charAt(i) == '{' && s.charAt(i + 1) == '}') {
            return i + 2;
        }
        return i < to && s.charAt(i) == ' ' ? i + 1 : i;
    }

    private static <T> T inText(Entry<T> entry) {
        return entry != null && entry.mode() == Mode.TEXT ? entry.value() : null;
    }

    // ---- foldForMatching: every command, math included -------------------------------------------------------------

    /** Accent commands: {@code \'e}, {@code \'{e}}, {@code {\'e}}, {@code \c{c}}, {@code \tilde{O}}, {@code \hat x}. */
    private static final Pattern ACCENT = Pattern.compile("\\\\(" + alternatives(ACCENTS.keySet()) + ")"
            + "\\s*(?:\\{\\s*(\\\\?[a-zA-Z])\\s*}|(\\\\?[a-zA-Z]))");
    private static final Pattern TEXT_COMMAND = Pattern.compile(
            "\\\\(?:" + alternatives(ARGUMENT_IS_TEXT.keySet()) + ")\\s*\\{([^{}]*)}");
    private static final Pattern FONT_SWITCH = Pattern.compile("\\\\(?:" + alternatives(FONT_SWITCHES.keySet()) + ")\\b\\s*");
    private static final Pattern SYMBOL = Pattern.compile("\\\\([a-zA-Z]+)\\b\\s*");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(" + anyOf(ESCAPED) + ")");
    private static final Pattern SPACING = Pattern.compile("\\\\" + anyOf(SPACES));
    private static final Pattern MATH_DELIMITERS = Pattern.compile("\\\\[()\\[\\]]");

    /**
     * The text with every command of the table folded: accents composed (NFC), text commands replaced by their
     * argument, symbols by their text, escapes and spacing resolved; unknown commands stay as written.
     */
    public static String foldForMatching(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        String folded = SPACING.matcher(text).replaceAll(" ");
        folded = MATH_DELIMITERS.matcher(folded).replaceAll(" ");
        folded = replace(ACCENT, folded, m -> {
            String base = m.group(2) != null ? m.group(2) : m.group(3);
            if (base.startsWith("\\")) {
                base = base.substring(1); // \'{\i} is an accented dotless i: accent the plain letter
            }
            return Normalizer.normalize(base + ACCENTS.get(m.group(1)).value(), Normalizer.Form.NFC);
        });
        // innermost groups first, so \emph{\textbf{x}} folds completely
        for (int i = 0; i < 4 && folded.indexOf('\\') >= 0; i++) {
            String next = TEXT_COMMAND.matcher(folded).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
            if (next.equals(folded)) {
                break;
            }
            folded = next;
        }
        folded = FONT_SWITCH.matcher(folded).replaceAll("");
        folded = replace(SYMBOL, folded, m -> {
            Entry<String> entry = SYMBOLS.get(m.group(1));
            if (entry == null) {
                return m.group(); // unknown command: keep it, the token still matches its twin
            }
            String symbol = entry.value();
            // a word-like replacement keeps the space that separated it from the next word
            return symbol.isEmpty() ? "" : symbol + (Character.isLetter(symbol.charAt(symbol.length() - 1))
                    && m.group().endsWith(" ") && symbol.length() > 1 ? " " : "");
        });
        return ESCAPE.matcher(folded).replaceAll("$1");
    }

    /**
     * The names as one regex alternation, longest first; a name of letters must not run on into more letters
     * ({@code \c} is not {@code \cdot}), a symbol name ({@code \'}) may.
     */
    private static String alternatives(java.util.Set<String> names) {
        return names.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Function.identity()))
                .map(name -> Pattern.quote(name) + (Character.isLetter(name.charAt(0)) ? "(?![a-zA-Z])" : ""))
                .collect(Collectors.joining("|"));
    }

    /** A character class of exactly these characters (each escaped: none of them is a letter). */
    private static String anyOf(String characters) {
        return characters.chars().mapToObj(c -> "\\" + (char) c).collect(Collectors.joining("", "[", "]"));
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Map.Entry<String, Entry<Character>> accent(String command, char mark, Mode mode) {
        return Map.entry(command, new Entry<>(mark, mode));
    }

    private static Map.Entry<String, Entry<String>> text(String command, String text) {
        return Map.entry(command, new Entry<>(text, Mode.TEXT));
    }

    private static Map.Entry<String, Entry<String>> math(String command, String text) {
        return Map.entry(command, new Entry<>(text, Mode.MATH));
    }
}
