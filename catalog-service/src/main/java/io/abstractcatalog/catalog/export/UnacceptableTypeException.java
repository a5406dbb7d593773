package io.abstractcatalog.catalog.export;

import io.abstractcatalog.contract.http.ProblemException;
import io.abstractcatalog.contract.http.ProblemType;

/** 406: Accept names no type GET /works or /works/{id} writes; the detail lists those it does. */
class UnacceptableTypeException extends ProblemException {

    UnacceptableTypeException(String accept) {
        super(ProblemType.NOT_ACCEPTABLE, "Accept '" + accept + "' names no type this resource writes. "
                + "Accept application/json (the default), or one of the export formats "
                + java.util.Arrays.stream(ExportFormat.values()).map(f -> f.mediaType().toString())
                .collect(java.util.stream.Collectors.joining(", ")) + ", or pass format= ("
                + ExportFormat.tokens() + ").", "Accept");
    }
}
