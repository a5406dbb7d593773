package io.abstractcatalog.dedup.normalize;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the LaTeX that abstracts carry (arXiv above all) into the Unicode text another source prints for the same
 * paper: {@code $\mu$P} → {@code μP}, {@code \'e} → {@code é}, {@code \emph{x}} → {@code x},
 * {@code \tilde{O}} → {@code Õ}. Matching only: what is not known is left for the later steps (which drop
 * braces, {@code $}, {@code ^} and {@code _}), never guessed.
 */
final class Latex {

    /** Accent commands: {@code \'e}, {@code \'{e}}, {@code {\'e}}, {@code \c{c}}, {@code \tilde{O}}, {@code \hat x}. */
    private static final Pattern ACCENT = Pattern.compile(
            "\\\\(['`^\"~=.]|(?:[cvuHkr]|tilde|hat|bar|dot|ddot|vec|acute|grave|breve|check)(?![a-zA-Z]))\\s*(?:\\{\\s*(\\\\?[a-zA-Z])\\s*}|(\\\\?[a-zA-Z]))");
    private static final Map<String, String> COMBINING = Map.ofEntries(
            Map.entry("'", "\u0301"), Map.entry("acute", "\u0301"), Map.entry("`", "\u0300"), Map.entry("grave", "\u0300"),
            Map.entry("^", "\u0302"), Map.entry("hat", "\u0302"), Map.entry("\"", "\u0308"), Map.entry("ddot", "\u0308"),
            Map.entry("~", "\u0303"), Map.entry("tilde", "\u0303"), Map.entry("=", "\u0304"), Map.entry("bar", "\u0304"),
            Map.entry(".", "\u0307"), Map.entry("dot", "\u0307"), Map.entry("c", "\u0327"), Map.entry("v", "\u030C"),
            Map.entry("check", "\u030C"), Map.entry("u", "\u0306"), Map.entry("breve", "\u0306"), Map.entry("H", "\u030B"),
            Map.entry("k", "\u0328"), Map.entry("r", "\u030A"), Map.entry("vec", "\u20D7"));

    /** Commands whose argument is the text: {@code \emph{x}} → {@code x}. */
    private static final Pattern TEXT_COMMAND = Pattern.compile(
            "\\\\(?:emph|textbf|textit|textrm|textsf|texttt|textsc|textup|textnormal|text|mbox|mathrm|mathbf|mathit|mathsf|mathtt|mathcal|mathbb|mathfrak|mathscr|boldsymbol|bm|operatorname|underline|overline|widetilde|widehat)\\s*\\{([^{}]*)}");
    /** Font switches inside a group: {@code {\bf x}} → {@code x}. */
    private static final Pattern FONT_SWITCH = Pattern.compile("\\\\(?:bf|it|em|rm|sf|tt|sc|sl|cal|small|large|Large|footnotesize|normalsize)\\b\\s*");
    /** Commands that are a symbol or a word. */
    private static final Pattern SYMBOL = Pattern.compile("\\\\([a-zA-Z]+)\\b\\s*");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            // Greek (lower and upper)
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("vartheta", "θ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"),
            Map.entry("pi", "π"), Map.entry("varpi", "π"), Map.entry("rho", "ρ"), Map.entry("varrho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("varsigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"),
            Map.entry("phi", "φ"), Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"),
            Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"),
            Map.entry("Upsilon", "Υ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"),
            // letters
            Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("aa", "å"), Map.entry("AA", "Å"),
            Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("l", "ł"),
            Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("ell", "ℓ"), Map.entry("hbar", "ℏ"),
            // relations and operators
            Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"), Map.entry("geq", "≥"),
            Map.entry("neq", "≠"), Map.entry("ne", "≠"), Map.entry("approx", "≈"), Map.entry("simeq", "≃"),
            Map.entry("sim", "~"), Map.entry("equiv", "≡"), Map.entry("propto", "∝"), Map.entry("ll", "≪"),
            Map.entry("gg", "≫"), Map.entry("times", "×"), Map.entry("cdot", "·"), Map.entry("pm", "±"),
            Map.entry("mp", "∓"), Map.entry("infty", "∞"), Map.entry("partial", "∂"), Map.entry("nabla", "∇"),
            Map.entry("sum", "∑"), Map.entry("prod", "∏"), Map.entry("int", "∫"), Map.entry("sqrt", "√"),
            Map.entry("in", "∈"), Map.entry("notin", "∉"), Map.entry("subset", "⊂"), Map.entry("subseteq", "⊆"),
            Map.entry("cup", "∪"), Map.entry("cap", "∩"), Map.entry("forall", "∀"), Map.entry("exists", "∃"),
            Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"),
            Map.entry("Rightarrow", "⇒"), Map.entry("leftrightarrow", "↔"), Map.entry("mapsto", "↦"),
            Map.entry("langle", "⟨"), Map.entry("rangle", "⟩"), Map.entry("ldots", "..."), Map.entry("dots", "..."),
            Map.entry("cdots", "..."), Map.entry("degree", "°"), Map.entry("circ", "°"),
            // function names print as words
            Map.entry("log", "log"), Map.entry("ln", "ln"), Map.entry("exp", "exp"), Map.entry("sin", "sin"),
            Map.entry("cos", "cos"), Map.entry("tan", "tan"), Map.entry("max", "max"), Map.entry("min", "min"),
            Map.entry("lim", "lim"), Map.entry("sup", "sup"), Map.entry("inf", "inf"), Map.entry("det", "det"),
            Map.entry("dim", "dim"), Map.entry("ker", "ker"), Map.entry("Pr", "Pr"),
            // sizing and spacing: nothing
            Map.entry("left", ""), Map.entry("right", ""), Map.entry("big", ""), Map.entry("Big", ""),
            Map.entry("bigg", ""), Map.entry("quad", " "), Map.entry("qquad", " "), Map.entry("displaystyle", ""),
            Map.entry("textstyle", ""), Map.entry("limits", ""), Map.entry("nolimits", ""), Map.entry("noindent", ""),
            Map.entry("LaTeX", "latex"), Map.entry("TeX", "tex"));
    /** Escaped specials: {@code \%} → {@code %}; spacing commands {@code \,} {@code \;} {@code \ } → a space. */
    private static final Pattern ESCAPED = Pattern.compile("\\\\([%&#_{}$])");
    private static final Pattern SPACING = Pattern.compile("\\\\[,;:! ]|\\\\\\\\");
    private static final Pattern MATH_DELIMITERS = Pattern.compile("\\\\[()\\[\\]]");

    private Latex() {
    }

    static String fold(String text) {
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
            return Normalizer.normalize(base + COMBINING.get(m.group(1)), Normalizer.Form.NFC);
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
            String symbol = SYMBOLS.get(m.group(1));
            if (symbol == null) {
                return m.group(); // unknown command: keep it, the token still matches its twin
            }
            // a word-like replacement keeps the space that separated it from the next word
            return symbol.isEmpty() ? "" : symbol + (Character.isLetter(symbol.charAt(symbol.length() - 1))
                    && m.group().endsWith(" ") && symbol.length() > 1 ? " " : "");
        });
        return ESCAPED.matcher(folded).replaceAll("$1");
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
