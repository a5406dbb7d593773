package io.abstractcatalog.catalog.problem;

/** No work, and no redirect, has this id. */
public class WorkNotFoundException extends ProblemException {

    public WorkNotFoundException(String workId) {
        super(404, "work-not-found", "Work not found",
                "No work has the id '" + workId + "'. Find works with GET /works?q=…; ids are case-sensitive.", null);
    }
}
