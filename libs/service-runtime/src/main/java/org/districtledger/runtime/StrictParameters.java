package org.districtledger.runtime;

import jakarta.inject.Singleton;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Path and query parameters are read as the OpenAPI document types them, not as Java would guess: a whole number is
 * ASCII digits (not "", not "١٢", not " 1"), a decimal likewise, a boolean is true or false, an enum one of its
 * constants exactly, a text with a pattern matches it. An empty or malformed value is a 400 naming the parameter, never
 * taken for "not given" or for the default. Parameters of a {@code @BeanParam} are checked the same way.
 */
@Singleton
public class StrictParameters {

    private static final String WHOLE_NUMBER = "-?[0-9]{1,18}";
    private static final String DECIMAL = "-?[0-9]{1,18}(\\.[0-9]{1,10})?";
    private static final Set<Class<?>> WHOLE_NUMBERS =
            Set.of(int.class, Integer.class, long.class, Long.class, short.class, Short.class);

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Field field : parameter.getType().getFields()) {
                    check(field, field.getType(), uri);
                }
            } else {
                check(parameter, parameter.getType(), uri);
            }
        }
    }

    private static void check(AnnotatedElement parameter, Class<?> type, UriInfo uri) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        PathParam path = parameter.getAnnotation(PathParam.class);
        String name = query != null ? query.value() : path != null ? path.value() : null;
        if (name == null) {
            return;
        }
        List<String> values = (query != null ? uri.getQueryParameters() : uri.getPathParameters()).get(name);
        if (values == null) {
            return;
        }
        Pattern pattern = parameter.getAnnotation(Pattern.class);
        for (String value : values) {
            check(name, type, value);
            if (pattern != null && !value.matches(pattern.regexp())) {
                throw HttpProblemException.invalidField(
                        name, pattern.message().startsWith("{") ? "must match " + pattern.regexp() : pattern.message());
            }
        }
    }

    private static void check(String name, Class<?> type, String value) {
        if (type == BigDecimal.class && !value.matches(DECIMAL)) {
            throw HttpProblemException.invalidField(name, "must be a decimal number, was '" + shown(value) + "'");
        }
        if (WHOLE_NUMBERS.contains(type) && !value.matches(WHOLE_NUMBER)) {
            throw HttpProblemException.invalidField(name, "must be a whole number, was '" + shown(value) + "'");
        }
        if ((type == boolean.class || type == Boolean.class) && !value.equals("true") && !value.equals("false")) {
            throw HttpProblemException.invalidField(name, "must be true or false, was '" + shown(value) + "'");
        }
        if (type.isEnum()
                && Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .noneMatch(value::equals)) {
            throw HttpProblemException.invalidField(
                    name,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(c -> ((Enum<?>) c).name())
                                    .collect(Collectors.joining(", "))
                            + ", was '" + shown(value) + "'");
        }
    }

    private static String shown(String value) {
        String printable = value.replace("\0", "\\u0000");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
