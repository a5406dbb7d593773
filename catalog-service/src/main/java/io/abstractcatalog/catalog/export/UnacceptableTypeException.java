package io.abstractcatalog.catalog.export;

import io.abstractcatalog.catalog.problem.ProblemException;

/** 406: Accept names no type GET /works or /works/{id} writes; the detail lists those it does. */
class UnacceptableTypeException extends ProblemException {

    UnacceptableTypeException(String accept) {
        super(406, "not-acceptable", "Not acceptable", "Accept '" + accept + "' names no type this resource writes. "
                + "Accept application/json (the default), or one of the export formats "
                + java.util.Arrays.stream(ExportFormat.values()).map(f -> f.mediaType().toString())
                .collect(java.util.stream.Collectors.joining(", ")) + ", or pass format= ("
                + ExportFormat.tokens() + ").", "Accept");
    }
}
