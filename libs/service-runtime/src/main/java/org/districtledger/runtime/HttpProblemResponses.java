package org.districtledger.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.districtledger.contract.InvalidValueException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Every error of the REST API as {@code application/problem+json} naming the field and the reason. */
public class HttpProblemResponses {

    private static final Logger LOG = Logger.getLogger(HttpProblemResponses.class);

    @ServerExceptionMapper
    public Response domain(HttpProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    /** A value the ledger's contract refuses (an ISO week, say), named by the field it came in. */
    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e, UriInfo uri) {
        return respond(HttpProblemException.invalidField(e.field(), e.reason()).toProblem(path(uri)));
    }

    // Not signed in (401): Quarkus answers with the challenge of the sign-in in use, a bearer challenge for an API
    // client, the sign-in page for a browser; so no mapper here for UnauthorizedException.

    /** Signed in, but the role does not allow it. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(HttpProblem.of(403, "forbidden", "Forbidden", "your role does not allow this", path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<HttpProblem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new HttpProblem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(HttpProblem.FieldError::field))
                .toList();
        return respond(HttpProblemException.invalidFields(errors).toProblem(path(uri)));
    }

    /** Declared beside {@link #json} because Quarkus brings its own mapper for this more specific type. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String reason;
        if (e instanceof UnstorableText.UnstorableTextException) {
            reason = UnstorableText.REASON;
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            reason = "unknown field";
        } else if (e instanceof InvalidFormatException format) {
            reason = "cannot be read as " + describe(format.getTargetType()) + ": " + format.getValue();
        } else if (e instanceof MismatchedInputException mismatch) {
            reason = "expected " + describe(mismatch.getTargetType());
        } else {
            reason = "malformed JSON: " + e.getOriginalMessage();
        }
        String named = field.isEmpty() ? "body" : field;
        return respond(HttpProblem.of(400, "invalid-field", "Invalid request", named + ": " + reason, path(uri))
                .withErrors(List.of(new HttpProblem.FieldError(named, reason))));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return json(unreadable, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            return unconvertibleParameter(e.getCause(), uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(HttpProblem.of(status, "http-" + status, title, e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            LOG.warnf(
                    "Request to %s failed: the database cannot take it for now (%s)",
                    path(uri), Failures.rootMessage(e));
            return respond(HttpProblem.of(
                    503,
                    "unavailable",
                    "Service unavailable",
                    "The database cannot take the request for now; nothing was written; try again shortly",
                    path(uri)));
        }
        LOG.error("Request failed", e);
        return respond(HttpProblem.of(500, "internal", "Internal error", "An unexpected error occurred", path(uri)));
    }

    /**
     * JAX-RS answers 404 when a query or path parameter cannot be converted (a year that is not a number, an
     * unknown pool); the client sent a bad request, so it gets 400 naming the parameter whose value failed.
     */
    private static Response unconvertibleParameter(Throwable cause, UriInfo uri) {
        String reason = Failures.rootMessage(cause);
        String field = "query";
        if (uri != null) {
            // a path parameter first, then the query: the first whose value the failure names
            List<Map.Entry<String, List<String>>> parameters =
                    new ArrayList<>(uri.getPathParameters().entrySet());
            parameters.addAll(uri.getQueryParameters().entrySet());
            for (Map.Entry<String, List<String>> parameter : parameters) {
                if (parameter.getValue().stream().anyMatch(value -> !value.isEmpty() && reason.contains(value))) {
                    field = parameter.getKey();
                    break;
                }
            }
        }
        String why = "cannot be read: " + reason;
        return respond(HttpProblem.of(400, "invalid-field", "Invalid request", field + ": " + why, path(uri))
                .withErrors(List.of(new HttpProblem.FieldError(field, why))));
    }

    public static Response respond(HttpProblem problem) {
        return Response.status(problem.status())
                .type(HttpProblem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** A body violation is named by its path inside the body; a parameter violation by the parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getIndex() != null && field.length() > 0) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        field.append(field.length() > 0 ? "." : "").append(node.getName());
                    }
                }
                default -> {}
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return type.getSimpleName();
    }
}
