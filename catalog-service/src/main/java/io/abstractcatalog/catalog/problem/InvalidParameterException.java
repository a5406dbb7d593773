package io.abstractcatalog.catalog.problem;

/** A query or path parameter the service cannot use; the detail says what a valid value looks like. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String parameter, String detail) {
        super(400, "invalid-parameter", "Invalid parameter", detail, parameter);
    }
}
