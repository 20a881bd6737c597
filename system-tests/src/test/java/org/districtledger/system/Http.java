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

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private String token;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signed in as the ledger office through the local run's demo sign-in, once, on first use. */
    String token() throws Exception {
        if (token == null) {
            token = signIn("office");
        }
        return token;
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
