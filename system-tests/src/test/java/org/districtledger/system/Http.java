package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A service's REST API, called as a client would. */
final class Http {

    /**
     * HTTP/1.1, as a browser speaks to a plain-HTTP service: the JDK's default would upgrade to HTTP/2 and carry every
     * concurrent request of a test over one connection, which the service's one event loop then serves in turn.
     */
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String user;
    private String token;

    Http(int port) {
        this(port, "office");
    }

    private Http(int port, String user) {
        this.base = "http://localhost:" + port;
        this.user = user;
    }

    /** The address of a path of this service. */
    String url(String path) {
        return base + path;
    }

    /** The same service, called as another demo user. */
    Http as(String demoUser) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), demoUser);
    }

    /** Signed in as the user (the ledger office unless {@link #as} named another) through the local run's demo sign-in, once, on first use. */
    String token() throws Exception {
        if (token == null) {
            token = signIn(user);
        }
        return token;
    }

    /** Any request as the signed-in user, with a body of the given type and any more headers (name, value, …); the whole answer. */
    HttpResponse<String> request(String method, String path, String contentType, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A demo user's token, from the local run's demo sign-in. */
    String signIn(String user) throws Exception {
        HttpResponse<String> answer = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": \"" + user + "\", \"password\": \"demo\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("the demo sign-in answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    /** A POST as the given token, answering the status. */
    int post(String path, String body, String asToken) throws Exception {
        return CLIENT.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Content-Type", "application/json; charset=UTF-8")
                                .header("Authorization", "Bearer " + asToken)
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (!path.startsWith("/q/")) {
            request.header("Authorization", "Bearer " + token());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file the service sends (an export), as the signed-in user. */
    byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A request as the office; its status, or -1 when no answer came (the service is down or too slow). */
    int status(String method, String path, String body) throws Exception {
        try {
            return CLIENT.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json; charset=UTF-8")
                                    .header("Authorization", "Bearer " + token())
                                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException noAnswer) {
            return -1;
        }
    }

    JsonNode send(String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("Authorization", "Bearer " + token())
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }
}
