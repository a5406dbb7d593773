package io.abstractcatalog.catalog.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem: the body of every error answer, served as {@code application/problem+json}.
 *
 * @param parameter the query or path parameter at fault, when one is (an extension member)
 */
@Schema(name = "Problem", description = "An error (RFC 9457 problem details).")
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
        @Schema(description = "The parameter at fault, if any.", examples = "limit")
        String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs: stable identifiers that do not pretend to be a page someone can open. */
    static String type(String slug) {
        return "urn:abstract-catalog:problem:" + slug;
    }
}
