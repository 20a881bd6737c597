package org.districtledger.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** A request the domain refuses: answered with a problem detail, never a 500. */
public class HttpProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<HttpProblem.FieldError> errors;

    public HttpProblemException(
            int status, String kind, String title, String detail, List<HttpProblem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static HttpProblemException notFound(String what, String id) {
        return new HttpProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static HttpProblemException invalidField(String field, String reason) {
        return invalidFields(List.of(new HttpProblem.FieldError(field, reason)));
    }

    /** A 400 naming every field that was wrong, each with its reason. */
    public static HttpProblemException invalidFields(List<HttpProblem.FieldError> errors) {
        return new HttpProblemException(
                400,
                "invalid-field",
                "Invalid request",
                errors.stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; ")),
                errors);
    }

    /** Signed in, but not allowed this: the reason names what the user lacks. */
    /** A 413: a body of {@code bytes} where at most {@code max} are taken, named as {@code body}. */
    public static HttpProblemException tooLarge(String what, long bytes, long max) {
        return new HttpProblemException(
                413,
                "too-large",
                "Payload too large",
                what + " has " + bytes + " bytes; at most " + max + " are taken",
                List.of(new HttpProblem.FieldError("body", "larger than " + max + " bytes")));
    }

    public static HttpProblemException forbidden(String reason) {
        return new HttpProblemException(403, "forbidden", "Forbidden", reason, List.of());
    }

    public static HttpProblemException conflict(String field, String reason) {
        return new HttpProblemException(
                409, "conflict", "Conflict", field + ": " + reason, List.of(new HttpProblem.FieldError(field, reason)));
    }

    public HttpProblem toProblem(String instance) {
        return HttpProblem.of(status, kind, title, getMessage(), instance).withErrors(errors);
    }
}
