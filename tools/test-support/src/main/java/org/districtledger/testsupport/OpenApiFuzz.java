package org.districtledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A schema-driven fuzzer: reads a service's published OpenAPI document and sends, for every operation, inputs the
 * document itself says are invalid — each parameter and each field of a JSON body with the wrong type, out of its
 * range, length or enum, in the wrong format, missing when required, with a NUL character; bodies that are not
 * JSON at all — next to one input built to be valid. It reports every answer that is a 5xx, every 2xx to an
 * invalid input, and every request that got no answer.
 */
public final class OpenApiFuzz {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** One request and its answer. */
    public record Exchange(String method, String path, String input, int status, String body) {
        @Override
        public String toString() {
            String answer = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return method.toUpperCase() + " " + path + " [" + input + "] → " + status + " " + answer;
        }
    }

    /** What the fuzz found. */
    public record Report(
            int sent,
            int invalidSent,
            int operations,
            int validAccepted,
            List<Exchange> serverErrors,
            List<Exchange> invalidAccepted,
            List<Exchange> noAnswer,
            List<Exchange> notProblemJson) {

        public String summary() {
            return String.format(
                    "%d requests (%d invalid) to %d operations (%d valid inputs accepted): %d answered 5xx, %d invalid"
                            + " inputs accepted, %d unanswered, %d 400s not problem+json",
                    sent,
                    invalidSent,
                    operations,
                    validAccepted,
                    serverErrors.size(),
                    invalidAccepted.size(),
                    noAnswer.size(),
                    notProblemJson.size());
        }
    }

    private final URI base;
    private final String token;
    private final List<Map<String, String>> contexts;
    private Map<String, String> pathValues;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private JsonNode document;

    private int sent;
    private int invalidSent;
    private int operations;
    private int validAccepted;
    private final List<Exchange> serverErrors = new ArrayList<>();
    private final List<Exchange> invalidAccepted = new ArrayList<>();
    private final List<Exchange> noAnswer = new ArrayList<>();
    private final List<Exchange> notProblemJson = new ArrayList<>();

    /**
     * @param base the service's root URL
     * @param token a bearer token that may call every operation (so that validation, not access, answers)
     * @param contexts a valid value for each path parameter, by name (an existing project's code, a week…); each
     *     operation with path parameters is fuzzed once in each context (an existing project, an unknown one…)
     */
    public OpenApiFuzz(URI base, String token, List<Map<String, String>> contexts) {
        this.base = base;
        this.token = token;
        this.contexts = contexts;
        this.pathValues = contexts.get(0);
    }

    public Report run() throws IOException, InterruptedException {
        HttpResponse<String> openApi = http.send(
                HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        document = JSON.readTree(openApi.body());
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                for (Map<String, String> context : path.getKey().contains("{") ? contexts : contexts.subList(0, 1)) {
                    pathValues = context;
                    fuzz(path.getKey(), method, operation);
                }
            }
        }
        return new Report(
                sent, invalidSent, operations, validAccepted, serverErrors, invalidAccepted, noAnswer, notProblemJson);
    }

    private void fuzz(String template, String method, JsonNode operation) throws InterruptedException {
        operations++;
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            if (parameter.path("in").asText().equals("path")) {
                path.put(name, pathValues.getOrDefault(name, validText(name, schema)));
            } else if (parameter.path("in").asText().equals("query")
                    && parameter.path("required").asBoolean()) {
                query.put(name, validText(name, schema));
            }
        }
        JsonNode bodySchema = resolve(operation.at("/requestBody/content/application~1json/schema"));
        if (bodySchema.isMissingNode()) {
            bodySchema = resolve(operation.at("/requestBody/content/application~1merge-patch+json/schema"));
        }
        boolean jsonBody = !bodySchema.isMissingNode();
        JsonNode validBody = jsonBody ? valid("", bodySchema) : null;
        if (!operation.path("requestBody").isMissingNode() && !jsonBody) {
            return; // a file upload or another media type: its own tests send bad files
        }

        // the valid input, which must not fail the server
        Exchange baseline =
                send(method, template, path, query, validBody == null ? null : validBody.toString(), "valid");
        if (baseline != null && baseline.status() / 100 == 2) {
            validAccepted++;
        }

        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            if (!in.equals("path") && !in.equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            for (Map.Entry<String, String> bad : invalidTexts(schema).entrySet()) {
                Map<String, String> p = new LinkedHashMap<>(path);
                Map<String, String> q = new LinkedHashMap<>(query);
                (in.equals("path") ? p : q).put(name, bad.getValue());
                invalid(
                        method,
                        template,
                        p,
                        q,
                        validBody == null ? null : validBody.toString(),
                        in + " " + name + ": " + bad.getKey());
            }
            if (in.equals("query") && parameter.path("required").asBoolean()) {
                Map<String, String> q = new LinkedHashMap<>(query);
                q.remove(name);
                invalid(
                        method,
                        template,
                        path,
                        q,
                        validBody == null ? null : validBody.toString(),
                        "query " + name + ": missing");
            }
        }
        if (!jsonBody) {
            return;
        }
        for (Map.Entry<String, String> bad : Map.of(
                        "not JSON", "{\"unfinished\": ",
                        "empty", "",
                        "an array", "[]",
                        "a number", "42",
                        "null", "null")
                .entrySet()) {
            if (bad.getKey().equals("an array")
                    && bodySchema.path("type").asText().equals("array")) {
                continue;
            }
            invalid(method, template, path, query, bad.getValue(), "body: " + bad.getKey());
        }
        List<Map.Entry<String, JsonNode>> mutations = new ArrayList<>();
        walk(validBody, validBody, bodySchema, "", mutations);
        for (Map.Entry<String, JsonNode> mutation : mutations) {
            invalid(method, template, path, query, mutation.getValue().toString(), "body " + mutation.getKey());
        }
    }

    /** Every invalid variant of the body: each field given a value its schema forbids, or taken away when required. */
    private void walk(
            JsonNode root, JsonNode value, JsonNode schema, String at, List<Map.Entry<String, JsonNode>> out) {
        schema = resolve(schema);
        if (!at.isEmpty()) {
            for (Map.Entry<String, JsonNode> bad : invalidValues(schema).entrySet()) {
                out.add(Map.entry(at + ": " + bad.getKey(), replaced(root, at, bad.getValue())));
            }
        }
        if (value instanceof ObjectNode object) {
            Map<String, JsonNode> properties = properties(schema);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
                String child = at + "/" + property.getKey();
                if (required.contains(property.getKey())) {
                    out.add(Map.entry(child + ": missing (required)", replaced(root, child, null)));
                    out.add(Map.entry(child + ": null (required)", replaced(root, child, NODES.nullNode())));
                }
                if (object.has(property.getKey())) {
                    walk(root, object.get(property.getKey()), property.getValue(), child, out);
                }
            }
        } else if (value instanceof ArrayNode array && !array.isEmpty()) {
            walk(root, array.get(0), schema.path("items"), at + "/0", out);
        }
    }

    /** A copy of the root with the value at the pointer replaced (removed when {@code replacement} is null). */
    private static JsonNode replaced(JsonNode root, String pointer, JsonNode replacement) {
        JsonNode copy = root.deepCopy();
        int last = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, last));
        String key = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(key);
            } else {
                object.set(key, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        }
        return copy;
    }

    /** Values the schema forbids, each with what is wrong with it. */
    private Map<String, JsonNode> invalidValues(JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "string" -> {
                bad.put("an integer for a string", NODES.numberNode(12345));
                bad.put("a decimal for a string", NODES.numberNode(new BigDecimal("1.5")));
                bad.put("a boolean for a string", NODES.booleanNode(true));
                bad.put("an object for a string", NODES.objectNode());
                bad.put("an array for a string", NODES.arrayNode().add("x"));
                for (Map.Entry<String, String> text : invalidTexts(schema).entrySet()) {
                    bad.put(text.getKey(), NODES.textNode(text.getValue()));
                }
            }
            case "integer", "number" -> {
                bad.put("text for a number", NODES.textNode("twelve"));
                bad.put("a number in quotes", NODES.textNode("12"));
                bad.put("an empty string for a number", NODES.textNode(""));
                bad.put("a boolean for a number", NODES.booleanNode(true));
                bad.put("an object for a number", NODES.objectNode());
                bad.put("an array for a number", NODES.arrayNode().add(1));
                if (type.equals("integer")) {
                    bad.put("a fraction for an integer", NODES.numberNode(new BigDecimal("1.5")));
                    bad.put("beyond int64", NODES.numberNode(new BigDecimal("99999999999999999999")));
                    if ("int32".equals(schema.path("format").asText())) {
                        bad.put("beyond int32", NODES.numberNode(2_147_483_648L));
                    }
                }
                if (schema.has("minimum")) {
                    bad.put(
                            "below its minimum",
                            NODES.numberNode(
                                    schema.get("minimum").decimalValue().subtract(BigDecimal.ONE)));
                }
                if (schema.has("maximum")) {
                    bad.put(
                            "above its maximum",
                            NODES.numberNode(
                                    schema.get("maximum").decimalValue().add(BigDecimal.ONE)));
                }
                if (schema.has("exclusiveMinimum")
                        && schema.get("exclusiveMinimum").isNumber()) {
                    bad.put(
                            "at its exclusive minimum",
                            NODES.numberNode(schema.get("exclusiveMinimum").decimalValue()));
                }
            }
            case "boolean" -> {
                bad.put("text for a boolean", NODES.textNode("yes"));
                bad.put("a boolean in quotes", NODES.textNode("true"));
                bad.put("a number for a boolean", NODES.numberNode(1));
                bad.put("an object for a boolean", NODES.objectNode());
            }
            case "array" -> {
                bad.put("an object for an array", NODES.objectNode());
                bad.put("text for an array", NODES.textNode("x"));
                bad.put("a number for an array", NODES.numberNode(1));
                if (schema.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = valid("", resolve(schema.path("items")));
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(item.deepCopy());
                    }
                    bad.put("more items than its maximum", many);
                }
                if (schema.path("minItems").asInt() > 0) {
                    bad.put("fewer items than its minimum", NODES.arrayNode());
                }
                for (Map.Entry<String, JsonNode> item :
                        invalidValues(resolve(schema.path("items"))).entrySet()) {
                    bad.put(
                            "an item that is " + item.getKey(),
                            NODES.arrayNode().add(item.getValue()));
                }
            }
            case "object" -> {
                bad.put("text for an object", NODES.textNode("object"));
                bad.put("a number for an object", NODES.numberNode(1));
                bad.put("an array for an object", NODES.arrayNode());
            }
            default -> {
                // no type: anything goes
            }
        }
        return bad;
    }

    /** Texts a string (or a parameter of any type, which travels as text) may not be. */
    private Map<String, String> invalidTexts(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = type(schema);
        switch (type) {
            case "integer", "number" -> {
                bad.put("text for a number", "twelve");
                bad.put("an empty number", "");
                bad.put("a number with spaces", " 1 ");
                bad.put("a hexadecimal number", "0x10");
                bad.put("not a number", "NaN");
                bad.put("a number with a thousands separator", "1,000");
                bad.put("Arabic-Indic digits", "١٢");
                bad.put("a NUL character", "1\0");
                if (type.equals("integer")) {
                    bad.put("a fraction for an integer", "1.5");
                    bad.put("an exponent for an integer", "1e3");
                    bad.put("beyond int64", "99999999999999999999");
                    bad.put("four hundred digits", "9".repeat(400));
                }
                if (schema.has("minimum")) {
                    bad.put(
                            "below its minimum",
                            schema.get("minimum")
                                    .decimalValue()
                                    .subtract(BigDecimal.ONE)
                                    .toPlainString());
                }
                if (schema.has("maximum")) {
                    bad.put(
                            "above its maximum",
                            schema.get("maximum")
                                    .decimalValue()
                                    .add(BigDecimal.ONE)
                                    .toPlainString());
                }
            }
            case "boolean" -> {
                bad.put("text for a boolean", "perhaps");
                bad.put("a number for a boolean", "1");
                bad.put("an empty boolean", "");
            }
            case "string" -> {
                bad.put("a NUL character", "a\0b");
                bad.put("only a NUL character", "\0");
                if (schema.has("enum") && !schema.get("enum").isEmpty()) {
                    String first = schema.get("enum").get(0).asText();
                    bad.put("not one of its values", "NOT_ONE_OF_THEM");
                    bad.put("one of its values in lower case", first.toLowerCase());
                    bad.put("one of its values with a space", first + " ");
                    bad.put("an empty value for an enum", "");
                }
                String format = schema.path("format").asText();
                if (format.equals("date")) {
                    bad.put("30 February", "2023-02-30");
                    bad.put("month 13", "2023-13-01");
                    bad.put("a date without leading zeros", "2023-3-1");
                    bad.put("a date with slashes", "2023/03/01");
                    bad.put("a date without dashes", "20230301");
                    bad.put("a date-time for a date", "2023-03-01T08:00:00");
                    bad.put("an empty date", "");
                }
                if (format.equals("date-time")) {
                    bad.put("not a date-time", "yesterday");
                    bad.put("a date for a date-time", "2023-03-01");
                }
                if (format.equals("uuid")) {
                    bad.put("not a UUID", "not-a-uuid");
                    bad.put("a UUID too long", "00000000-0000-0000-0000-0000000000011");
                }
                if (schema.has("maxLength")) {
                    bad.put(
                            "longer than its maximum",
                            "长".repeat(schema.get("maxLength").asInt() + 1));
                    bad.put(
                            "ten times its maximum",
                            "x".repeat(schema.get("maxLength").asInt() * 10 + 1));
                }
                if (schema.path("minLength").asInt() > 0) {
                    bad.put(
                            "shorter than its minimum",
                            "长".repeat(schema.get("minLength").asInt() - 1));
                }
                if (schema.has("pattern")) {
                    Pattern pattern = Pattern.compile(schema.get("pattern").asText());
                    for (String text : List.of("!?", "", "长", "WQ-2023-", "2023-W", "\u202e")) {
                        if (!pattern.matcher(text).find()) {
                            bad.put("not matching its pattern: '" + text + "'", text);
                        }
                    }
                }
            }
            default -> {
                // no type: anything goes
            }
        }
        return bad;
    }

    /** A value the schema accepts, as a user would fill it in. */
    private JsonNode valid(String name, JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                properties(schema).forEach((property, propertySchema) -> {
                    if (!propertySchema.path("readOnly").asBoolean()) {
                        object.set(property, valid(property, propertySchema));
                    }
                });
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(valid(name, schema.path("items")));
                return array;
            }
            case "integer" -> {
                long value =
                        schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1;
                if (schema.has("maximum")) {
                    value = Math.min(value, schema.get("maximum").asLong());
                }
                if (name.toLowerCase().contains("year")) {
                    value = 2023;
                }
                return NODES.numberNode(value);
            }
            case "number" -> {
                BigDecimal value = new BigDecimal("100.00");
                if (schema.has("maximum")
                        && schema.get("maximum").decimalValue().compareTo(value) < 0) {
                    value = schema.get("maximum").decimalValue();
                }
                return NODES.numberNode(value);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.textNode(validText(name, schema));
            }
        }
    }

    private String validText(String name, JsonNode schema) {
        if (pathValues.containsKey(name)) {
            return pathValues.get(name);
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).asText();
        }
        switch (type(schema)) {
            case "integer" -> {
                return name.toLowerCase().contains("year") ? "2023" : "1";
            }
            case "number" -> {
                return "1";
            }
            case "boolean" -> {
                return "false";
            }
            default -> {
                // text below
            }
        }
        String format = schema.path("format").asText();
        if (format.equals("date")) {
            return "2023-03-01";
        }
        if (format.equals("date-time")) {
            return "2023-03-01T08:00:00Z";
        }
        if (format.equals("uuid")) {
            return "00000000-0000-0000-0000-000000000001";
        }
        String text = "测试" + name;
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return "";
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode part : schema.path("allOf")) {
            properties.putAll(properties(resolve(part)));
        }
        schema.path("properties").fields().forEachRemaining(p -> properties.put(p.getKey(), p.getValue()));
        return properties;
    }

    /** The schema a {@code $ref} points at (one level of allOf with a single ref, too), or the node itself. */
    private JsonNode resolve(JsonNode node) {
        for (int depth = 0; depth < 10 && node != null; depth++) {
            if (node.has("$ref")) {
                node = document.at(node.get("$ref").asText().substring(1));
            } else if (node.has("allOf") && node.get("allOf").size() == 1 && !node.has("properties")) {
                node = node.get("allOf").get(0);
            } else {
                return node;
            }
        }
        return node == null ? JSON.missingNode() : node;
    }

    private void invalid(
            String method,
            String template,
            Map<String, String> path,
            Map<String, String> query,
            String body,
            String input)
            throws InterruptedException {
        invalidSent++;
        Exchange exchange = send(method, template, path, query, body, input);
        if (exchange != null && exchange.status() / 100 == 2) {
            invalidAccepted.add(exchange);
        }
    }

    private Exchange send(
            String method,
            String template,
            Map<String, String> path,
            Map<String, String> query,
            String body,
            String input)
            throws InterruptedException {
        sent++;
        String target = template;
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringBuilder url = new StringBuilder(target);
        String separator = "?";
        for (Map.Entry<String, String> q : query.entrySet()) {
            url.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(url.toString()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json, */*");
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        if (body != null) {
            request.header(
                    "Content-Type", method.equals("patch") ? "application/merge-patch+json" : "application/json");
        }
        request.method(method.toUpperCase(), publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Exchange exchange = new Exchange(method, url.toString(), input, response.statusCode(), response.body());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() >= 500) {
                serverErrors.add(exchange);
            } else if (response.statusCode() == 400 && !contentType.startsWith("application/problem+json")) {
                notProblemJson.add(exchange);
            }
            return exchange;
        } catch (IOException e) {
            noAnswer.add(new Exchange(method, url.toString(), input, 0, String.valueOf(e)));
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
