package io.abstractcatalog.k8s;

/** One broken invariant: which rule, and what exactly is wrong where. */
public record Violation(String rule, String message) {

    @Override
    public String toString() {
        return "[" + rule + "] " + message;
    }
}
