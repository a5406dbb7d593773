package io.abstractcatalog.contract.http;

/**
 * An error a client can act on. Resources throw it (or a subclass naming the case); {@link ProblemMappers} answers
 * it as its {@link Problem}, at the request's path.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String parameter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, String parameter) {
        super(detail);
        this.type = type;
        this.parameter = parameter;
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public Problem toProblem(String instance) {
        Problem problem = Problem.of(type, getMessage(), instance);
        return parameter == null ? problem : problem.withParameter(parameter);
    }
}
