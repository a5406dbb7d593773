package io.abstractcatalog.contract.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem: the body of every error answer of every service, served as {@code application/problem+json}.
 * The type is one of {@link ProblemType}'s URNs.
 *
 * @param parameter       the query or path parameter at fault, when one is (an extension member)
 * @param knownParameters for an unknown query parameter, the parameters the endpoint knows (an extension member)
 */
@Schema(name = "Problem", description = "An error (RFC 9457 problem details). type is a URN of the form "
        + "urn:abstract-catalog:problem:<kind>; see the README's table of kinds.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Identifies the kind of problem.", examples = "urn:abstract-catalog:problem:invalid-parameter")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid parameter")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong in this request and what to change.")
        String detail,
        @Schema(description = "The request path.", examples = "/works")
        String instance,
        @Schema(description = "The parameter at fault, if any.", examples = "limit", nullable = true)
        String parameter,
        @Schema(description = "Only for an unknown query parameter: the parameters this endpoint knows.",
                nullable = true)
        List<String> knownParameters) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, null, null);
    }

    public Problem withParameter(String name) {
        return new Problem(type, title, status, detail, instance, name, knownParameters);
    }

    public Problem withKnownParameters(List<String> names) {
        return new Problem(type, title, status, detail, instance, parameter, List.copyOf(names));
    }
}
