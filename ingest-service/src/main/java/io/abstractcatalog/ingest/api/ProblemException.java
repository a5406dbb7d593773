package io.abstractcatalog.ingest.api;

/** A request the API refuses, answered with the given status and an {@code application/problem+json} body. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content Too Large", detail);
    }

    public Problem problem() {
        return Problem.of(status, title, getMessage());
    }

    public int status() {
        return status;
    }
}
