package io.abstractcatalog.catalog.problem;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;

/** No work, and no redirect, has this id. */
public class WorkNotFoundException extends ProblemException {

    public WorkNotFoundException(String workId) {
        super(ProblemType.WORK_NOT_FOUND,
                "No work has the id '" + workId + "'. Find works with GET /works?q=…; ids are case-sensitive.");
    }
}
