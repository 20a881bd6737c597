package org.districtledger.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, with the fields that were wrong and why.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong in this case
 * @param instance the request path
 * @param errors each field that was wrong, with the reason
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HttpProblem(
        String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One wrong field: its JSON path (or parameter name) and the reason. */
    public record FieldError(String field, String reason) {}

    public static HttpProblem of(int status, String kind, String title, String detail, String instance) {
        return new HttpProblem("urn:district-ledger:problem:" + kind, title, status, detail, instance, List.of());
    }

    public HttpProblem withErrors(List<FieldError> fieldErrors) {
        return new HttpProblem(type, title, status, detail, instance, List.copyOf(fieldErrors));
    }
}
