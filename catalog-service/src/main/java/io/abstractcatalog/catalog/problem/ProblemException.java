package io.abstractcatalog.catalog.problem;

/**
 * An error a client can act on. Resources throw a subclass; {@link ProblemMappers} turns it into a {@link Problem}.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String parameter;

    protected ProblemException(int status, String slug, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.parameter = parameter;
    }

    Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, parameter);
    }

    public int status() {
        return status;
    }
}
