package org.districtledger.tracker.access;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.districtledger.testsupport.Tokens;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what in the tracker, with real tokens signed by the test run's demo key: every endpoint against
 * every role, every kind of bad token, and the weekly page's sign-in.
 */
@QuarkusTest
@WithTestResource(TrackerInfrastructure.class)
class AccessMatrixTest {

    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("office", "ADMIN");
        USERS.put("officer-wang", "OFFICER");
        USERS.put("leader-liu", "LEADER");
        USERS.put("viewer", "VIEWER");
        USERS.put("statistics", "EXPORT");
    }

    private static final Set<String> READERS = Set.of("office", "officer-wang", "leader-liu", "viewer");
    private static final String CODE = "WQ-2023-8301";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    record Case(String method, String path, String body, Set<String> allowed) {}

    @Test
    void everyRoleAgainstEveryEndpoint() {
        String office = Tokens.of("office", "ADMIN");
        given().auth()
                .oauth2(office)
                .contentType(ContentType.JSON)
                .body("{\"asOf\": \"2023-03-10\"}")
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(200);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings()
                    .fromRecords(RegistryEvents.registered(UUID.randomUUID(), CODE, 1, "BUILDING"))
                    .awaitCompletion(Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(office)
                        .when()
                        .get("/api/v1/projects/" + CODE)
                        .then()
                        .statusCode(200));
        String assignment =
                "{\"leader\": {\"name\": \"刘振东\", \"account\": \"leader-liu\"}, \"taskForce\": {\"name\": \"城市建设专班\","
                        + " \"leadDepartment\": \"区住建委\", \"members\": [{\"name\": \"王晓明\", \"account\": \"officer-wang\"}]}}";

        List<Case> cases = List.of(
                new Case("GET", "/api/v1/projects", null, READERS),
                new Case("GET", "/api/v1/projects/" + CODE, null, READERS),
                new Case("GET", "/api/v1/projects/" + CODE + "/timeline", null, READERS),
                new Case("GET", "/api/v1/flags", null, READERS),
                new Case("GET", "/api/v1/assignments", null, READERS),
                new Case("GET", "/api/v1/leaders", null, READERS),
                new Case("GET", "/api/v1/clock", null, READERS),
                new Case("GET", "/api/v1/weekly/2023-W10", null, READERS),
                new Case("GET", "/api/v1/weekly/2023-W10.xlsx", null, READERS),
                new Case("GET", "/api/v1/weekly/current", null, READERS),
                new Case("GET", "/api/v1/statistics/monthly", null, READERS),
                new Case("GET", "/api/v1/statistics/monthly/2023-01.xlsx", null, READERS),
                new Case("GET", "/weekly?week=2023-W10", null, READERS),
                new Case("GET", "/weekly/projects/" + CODE, null, READERS),
                new Case("GET", "/weekly/print.css?week=2023-W10", null, READERS),
                new Case("PUT", "/api/v1/assignments/" + CODE, assignment, Set.of("office")),
                new Case("PUT", "/api/v1/clock", "{\"asOf\": \"2023-03-10\"}", Set.of("office")));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            for (Map.Entry<String, String> user : USERS.entrySet()) {
                Response response = call(c, Tokens.of(user.getKey(), user.getValue()));
                int status = response.statusCode();
                boolean allowed = status != 401 && status != 403;
                if (allowed != c.allowed().contains(user.getKey()) || status >= 500) {
                    wrong.add(c.method() + " " + c.path() + " as " + user.getKey() + ": " + status);
                }
            }
            int anonymous = call(c, null).statusCode();
            if (anonymous != 401) {
                wrong.add(c.method() + " " + c.path() + " without a token: " + anonymous);
            }
        }
        assertEquals(List.of(), wrong, "every role gets exactly what it may");
        given().auth()
                .oauth2(office)
                .when()
                .get("/api/v1/assignments/" + CODE + "/history")
                .then()
                .body("[0].changedBy", equalTo("office"))
                .body("[0].leader.account", equalTo("leader-liu"));
    }

    @Test
    void missingExpiredTamperedForeignWrongIssuerAndUnsignedTokensGet401() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", Tokens.expired("office", "ADMIN"));
        bad.put("tampered", Tokens.tampered());
        bad.put("signed with another key", Tokens.foreignKey("office", "ADMIN"));
        bad.put("from another issuer", Tokens.wrongIssuer("office", "ADMIN"));
        bad.put("alg=none", Tokens.unsigned());
        List<String> wrong = new ArrayList<>();
        for (String path :
                List.of("/api/v1/projects", "/api/v1/flags", "/api/v1/weekly/2023-W10", "/weekly?week=2023-W10")) {
            for (Map.Entry<String, String> token : bad.entrySet()) {
                int status = given().auth()
                        .oauth2(token.getValue())
                        .redirects()
                        .follow(false)
                        .when()
                        .get(path)
                        .statusCode();
                if (status != 401) {
                    wrong.add("GET " + path + " with a token " + token.getKey() + ": " + status);
                }
            }
        }
        for (Map.Entry<String, String> token : bad.entrySet()) {
            int status = given().auth()
                    .oauth2(token.getValue())
                    .contentType(ContentType.JSON)
                    .body("{\"asOf\": \"2023-03-10\"}")
                    .when()
                    .put("/api/v1/clock")
                    .statusCode();
            if (status != 401) {
                wrong.add("PUT /api/v1/clock with a token " + token.getKey() + ": " + status);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theWeeklyPageSignsADemoUserInWithACookieAndRefusesAnotherSitesForm() {
        // a browser that is not signed in is sent to the sign-in page, and comes back where it was going
        given().accept("text/html")
                .redirects()
                .follow(false)
                .when()
                .get("/weekly?week=2023-W10")
                .then()
                .statusCode(302)
                .header("Location", startsWith("/auth/login?next=%2Fweekly"));
        given().when().get("/auth/login?next=/weekly").then().statusCode(200).body(containsString("name=\"password\""));

        given().contentType(ContentType.URLENC)
                .formParam("username", "viewer")
                .formParam("password", "wrong")
                .formParam("next", "/weekly")
                .redirects()
                .follow(false)
                .when()
                .post("/auth/login")
                .then()
                .statusCode(401)
                .body(containsString("用户名或密码不正确"));
        Response signedIn = given().contentType(ContentType.URLENC)
                .formParam("username", "viewer")
                .formParam("password", "demo")
                .formParam("next", "/weekly?week=2023-W10")
                .redirects()
                .follow(false)
                .when()
                .post("/auth/login");
        assertEquals(303, signedIn.statusCode());
        assertEquals(
                "/weekly?week=2023-W10",
                URI.create(signedIn.header("Location")).getRawPath() + "?"
                        + URI.create(signedIn.header("Location")).getRawQuery());
        String cookie = signedIn.header("Set-Cookie");
        Assertions.assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = signedIn.cookie("ledger_session");
        given().cookie("ledger_session", session)
                .accept("text/html")
                .when()
                .get("/weekly?week=2023-W10")
                .then()
                .statusCode(200)
                .body(containsString("<span id=\"signed-in-user\">viewer</span>"));
        // a viewer's session changes nothing
        given().cookie("ledger_session", session)
                .contentType(ContentType.JSON)
                .body("{\"asOf\": \"2023-03-11\"}")
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(403);

        // another site's page posting the sign-in form: refused by the same-origin check
        given().header("Origin", "http://evil.example")
                .contentType(ContentType.URLENC)
                .formParam("username", "viewer")
                .formParam("password", "demo")
                .redirects()
                .follow(false)
                .when()
                .post("/auth/login")
                .then()
                .statusCode(403);
        // a next page elsewhere is not followed
        given().contentType(ContentType.URLENC)
                .formParam("username", "viewer")
                .formParam("password", "demo")
                .formParam("next", "//evil.example/weekly")
                .redirects()
                .follow(false)
                .when()
                .post("/auth/login")
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/weekly"));
        given().cookie("ledger_session", session)
                .contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .when()
                .post("/auth/logout")
                .then()
                .statusCode(303)
                .header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void oversizedBodiesPagesAndFieldsAndServerOwnedFieldsAreRefusedNever500() {
        String office = Tokens.of("office", "ADMIN");
        String huge = "{\"leader\": {\"name\": \"" + "长".repeat(400_000) + "\"}}";
        given().auth()
                .oauth2(office)
                .contentType("application/json; charset=UTF-8")
                .body(huge.getBytes(StandardCharsets.UTF_8))
                .when()
                .put("/api/v1/assignments/" + CODE)
                .then()
                .statusCode(413);
        given().auth()
                .oauth2(office)
                .when()
                .get("/api/v1/projects?size=501")
                .then()
                .statusCode(400)
                .body("errors.field", Matchers.hasItem("size"));
        given().auth()
                .oauth2(office)
                .contentType("application/json; charset=UTF-8")
                .body("{\"leader\": {\"name\": \"" + "长".repeat(51)
                        + "\"}, \"taskForce\": {\"name\": \"专班\", \"leadDepartment\": \"区住建委\","
                        + " \"members\": [{\"name\": \"成员\"}]}}")
                .when()
                .put("/api/v1/assignments/" + CODE)
                .then()
                .statusCode(400)
                .body("errors.field", Matchers.hasItem("leader.name"));
        // what the server owns (version, who changed it, when) is not the client's to send
        given().auth()
                .oauth2(office)
                .contentType("application/json; charset=UTF-8")
                .body(
                        "{\"leader\": {\"name\": \"刘振东\"}, \"taskForce\": {\"name\": \"专班\", \"leadDepartment\": \"区住建委\","
                                + " \"members\": [{\"name\": \"成员\"}]}, \"version\": 99, \"changedBy\": \"someone\"}")
                .when()
                .put("/api/v1/assignments/" + CODE)
                .then()
                .statusCode(400)
                .body("errors.field", Matchers.hasItem("version"));
    }

    private static Response call(Case c, String token) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (c.body() != null) {
            request = request.contentType("application/json; charset=UTF-8")
                    .body(c.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(c.method(), c.path());
    }
}
