package org.districtledger.runtime;

import java.util.List;

/** A request the domain refuses: answered with a problem detail, never a 500. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String kind, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(400, "invalid-field", "Invalid request", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    /** Signed in, but not allowed this: the reason names what the user lacks. */
    public static ProblemException forbidden(String reason) {
        return new ProblemException(403, "forbidden", "Forbidden", reason, List.of());
    }

    public static ProblemException conflict(String field, String reason) {
        return new ProblemException(409, "conflict", "Conflict", field + ": " + reason,
                List.of(new Problem.FieldError(field, reason)));
    }

    public Problem toProblem(String instance) {
        return Problem.of(status, kind, title, getMessage(), instance).withErrors(errors);
    }
}
