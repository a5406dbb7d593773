package io.abstractcatalog.catalog.problem;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;

/** A query or path parameter the service cannot use; the detail says what a valid value looks like. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String parameter, String detail) {
        super(ProblemType.INVALID_PARAMETER, detail, parameter);
    }
}
