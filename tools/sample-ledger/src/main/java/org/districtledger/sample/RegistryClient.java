package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The registry's public REST API, as a task force's or the office's client calls it. */
public final class RegistryClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String token;

    /** A client that signs nothing: for the sign-in itself, and for servers that ask no token. */
    public RegistryClient(URI base) {
        this(base, null);
    }

    /** A client that sends the bearer token with every request. */
    public RegistryClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /**
     * A client signed in as the ledger office: with the token in {@code LEDGER_TOKEN} if set (a real identity
     * provider's), otherwise through the local run's demo sign-in as {@code LEDGER_USER} / {@code LEDGER_PASSWORD}
     * (default: the demo user {@code office}).
     */
    public static RegistryClient asOffice(URI base) {
        String token = System.getenv("LEDGER_TOKEN");
        if (token != null && !token.isBlank()) {
            return new RegistryClient(base, token.strip());
        }
        String user = System.getenv().getOrDefault("LEDGER_USER", "office");
        String password = System.getenv().getOrDefault("LEDGER_PASSWORD", "demo");
        ObjectMapper mapper = new ObjectMapper();
        String body = mapper.createObjectNode()
                .put("username", user)
                .put("password", password)
                .toString();
        JsonNode answer = new RegistryClient(base).send("POST", "/auth/token", body, 200);
        return new RegistryClient(base, answer.get("access_token").asText());
    }

    /** An answer the client did not expect. */
    public static final class Refused extends RuntimeException {
        final int status;
        final String body;

        Refused(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), "GET " + path, 200);
    }

    public JsonNode send(String method, String path, String body, int... expected) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                method + " " + path,
                expected);
    }

    /** A JSON merge patch of a project, if it is still at {@code version} (its ETag). */
    public JsonNode patch(String path, long version, String body, int... expected) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/merge-patch+json; charset=UTF-8")
                        .header("If-Match", "\"" + version + "\"")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                "PATCH " + path,
                expected);
    }

    /** A file the API serves (a workbook), as bytes. */
    public byte[] download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Refused(
                        "GET " + path, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path + " was interrupted", e);
        }
    }

    public JsonNode upload(String path, byte[] file, String contentType, int... expected) {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file)),
                "POST " + path,
                expected);
    }

    private JsonNode send(HttpRequest.Builder request, String what, int... expected) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
                }
            }
            throw new Refused(what, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    public ObjectMapper json() {
        return json;
    }
}
