package org.districtledger.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL cannot store (a NUL character, {@code \u0000}) is refused where it comes in, as a 400 naming the
 * field: in a JSON body by the mapper every request and record is read with, in a path or query parameter by a
 * request filter. It never reaches the database as a 500.
 */
@Singleton
public class UnstorableText implements ObjectMapperCustomizer {

    public static final String REASON = "contains a NUL character (\\u0000), which cannot be stored";

    /** A string of a JSON body that holds a NUL; Jackson adds the field's path as it unwinds. */
    public static final class UnstorableTextException extends JsonMappingException {
        UnstorableTextException(JsonParser parser) {
            super(parser, REASON);
        }
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("unstorable-text");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = StringDeserializer.instance.deserialize(parser, context);
                if (in(text)) {
                    throw new UnstorableTextException(parser);
                }
                return text;
            }
        });
        mapper.registerModule(module);
    }

    /** Path and query parameters with a NUL: a 400 naming the parameter. */
    @ServerRequestFilter
    public void refuseParameters(UriInfo uri) {
        refuse(uri.getPathParameters());
        refuse(uri.getQueryParameters());
    }

    private static void refuse(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (in(parameter.getKey()) || parameter.getValue().stream().anyMatch(UnstorableText::in)) {
                throw HttpProblemException.invalidField(parameter.getKey().replace("\0", "\\u0000"), REASON);
            }
        }
    }
}
