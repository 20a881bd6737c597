package org.districtledger.registry.access;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.districtledger.registry.Assignments;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what in the registry, with real tokens signed by the test run's demo key: every endpoint against
 * every role, an officer's scope learnt from the tracker's assignment events, and every kind of bad token.
 */
@QuarkusTest
@WithTestResource(RegistryInfrastructure.class)
class AccessMatrixTest {

    private static final String OFFICE = Tokens.of("office", "ADMIN");
    /** The users of the matrix, each with his role; officer-wang and leader-liu answer for project A, officer-li and leader-zhao do not. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("office", "ADMIN");
        USERS.put("officer-wang", "OFFICER");
        USERS.put("officer-li", "OFFICER");
        USERS.put("leader-liu", "LEADER");
        USERS.put("leader-zhao", "LEADER");
        USERS.put("viewer", "VIEWER");
        USERS.put("statistics", "EXPORT");
    }

    private static final Set<String> READERS =
            Set.of("office", "officer-wang", "officer-li", "leader-liu", "leader-zhao", "viewer");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    /** One request of the matrix and the users it admits. */
    record Case(String method, String path, String body, Set<String> allowed) {}

    @Test
    void everyRoleAgainstEveryEndpoint() throws Exception {
        String a = register(SampleProjects.inPool("PREPARING", 2023, "80000.00", "30000.00"));
        announce(a, 1, "城市建设专班", "leader-liu", "officer-wang");
        awaitAccess(a, 1);
        long problem = given().auth()
                .oauth2(OFFICE)
                .contentType(ContentType.JSON)
                .body("{\"title\": \"施工用电接入\", \"department\": \"区供电公司\", \"raisedOn\": \"2023-04-20\"}")
                .when()
                .post("/api/v1/projects/" + a + "/problems")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        Set<String> reporters = Set.of("office", "officer-wang");
        List<Case> cases = List.of(
                new Case("GET", "/api/v1/projects", null, READERS),
                new Case("GET", "/api/v1/projects/" + a, null, READERS),
                new Case("GET", "/api/v1/projects/" + a + "/history", null, READERS),
                new Case("GET", "/api/v1/projects/" + a + "/progress", null, READERS),
                new Case("GET", "/api/v1/projects/" + a + "/procedures", null, READERS),
                new Case("GET", "/api/v1/projects/" + a + "/problems", null, READERS),
                new Case("GET", "/api/v1/projects/" + a + "/conversions", null, READERS),
                new Case("GET", "/api/v1/ledger/summary?year=2023", null, union(READERS, "statistics")),
                new Case("GET", "/api/v1/exports/ledger.csv", null, union(READERS, "statistics")),
                new Case(
                        "POST",
                        "/api/v1/projects",
                        SampleProjects.inPool("PLANNING", 2023, "1000.00", "0.00"),
                        Set.of("office")),
                new Case("PATCH", "/api/v1/projects/" + a, "{\"town\": \"杨村街道\"}", Set.of("office")),
                new Case("POST", "/api/v1/projects/" + a + "/conversions", "{\"to\": \"PLANNING\"}", Set.of("office")),
                new Case(
                        "PUT",
                        "/api/v1/projects/" + a + "/progress/2023-W10",
                        "{\"investmentCompleted\": 10, \"imageProgressPercent\": 1, \"siteStatus\": \"NOT_ENTERED\"}",
                        reporters),
                new Case(
                        "PUT",
                        "/api/v1/projects/" + a + "/procedures/CONSTRUCTION_PERMIT",
                        "{\"status\": \"IN_PROGRESS\"}",
                        reporters),
                new Case(
                        "POST",
                        "/api/v1/projects/" + a + "/milestones",
                        "{\"type\": \"SITE_ENTERED\", \"date\": \"2023-03-01\"}",
                        reporters),
                new Case(
                        "POST",
                        "/api/v1/projects/" + a + "/problems",
                        "{\"title\": \"征地拆迁\", \"department\": \"区规划资源局\", \"raisedOn\": \"2023-03-02\"}",
                        reporters),
                new Case(
                        "POST",
                        "/api/v1/problems/" + problem + "/resolution",
                        "{\"note\": \"已协调\"}",
                        Set.of("office", "officer-wang", "leader-liu")),
                new Case("POST", "/api/v1/imports?dryRun=true", "台账编号,项目名称\n", Set.of("office")),
                new Case("GET", "/api/v1/imports/" + UUID.randomUUID(), null, Set.of("office")),
                new Case("GET", "/api/v1/plan-years", null, union(READERS, "statistics")),
                new Case("GET", "/api/v1/projects/" + a + "/year-plans", null, union(READERS, "statistics")),
                new Case("GET", "/api/v1/plan-years/2023/plan-sheet.xlsx", null, Set.of("office")),
                new Case("POST", "/api/v1/plan-years/2023/rollover?dryRun=true", "not a sheet", Set.of("office")),
                new Case("GET", "/api/v1/plan-years/2022/ledger.xlsx", null, union(READERS, "statistics")));

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            for (Map.Entry<String, String> user : USERS.entrySet()) {
                Response response = call(c, Tokens.of(user.getKey(), user.getValue()));
                int status = response.statusCode();
                boolean allowed = status != 401 && status != 403;
                if (allowed != c.allowed().contains(user.getKey()) || status >= 500) {
                    wrong.add(c.method() + " " + c.path() + " as " + user.getKey() + ": " + status + " "
                            + response.body().asString());
                }
            }
            int anonymous = call(c, null).statusCode();
            if (anonymous != 401) {
                wrong.add(c.method() + " " + c.path() + " without a token: " + anonymous);
            }
        }
        assertEquals(List.of(), wrong, "every role gets exactly what it may");
    }

    @Test
    void anOfficerWritesOnlyForHisTaskForceUntilAnAssignmentMakesHimAMember() throws Exception {
        String b = register(SampleProjects.inPool("BUILDING", 2023, "60000.00", "20000.00"));
        announce(b, 1, "社会事业专班", null, "officer-li");
        awaitAccess(b, 1);
        String wang = Tokens.of("officer-wang", "OFFICER");
        String report = "{\"investmentCompleted\": 120.50, \"imageProgressPercent\": 5, \"siteStatus\": \"STARTED\"}";

        given().auth()
                .oauth2(wang)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .put("/api/v1/projects/" + b + "/progress/2023-W11")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(OFFICE)
                .when()
                .get("/api/v1/projects/" + b + "/progress")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        given().auth()
                .oauth2(OFFICE)
                .when()
                .get("/api/v1/projects/" + b + "/history")
                .then()
                .body("$", hasSize(1));
        given().auth().oauth2(OFFICE).when().get("/api/v1/projects/" + b).then().body("sequence", equalTo(1));

        // an older announcement arriving late changes nothing; the newer one makes officer-wang a member
        announce(b, 2, "社会事业专班", null, "officer-li", "officer-wang");
        announce(b, 1, "社会事业专班", null, "officer-li");
        awaitAccess(b, 2);
        given().auth()
                .oauth2(wang)
                .contentType(ContentType.JSON)
                .body(report)
                .when()
                .put("/api/v1/projects/" + b + "/progress/2023-W11")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(OFFICE)
                .when()
                .get("/api/v1/projects/" + b + "/history")
                .then()
                .body("$", hasSize(2))
                .body("[1].actor", equalTo("officer-wang"));
    }

    @Test
    void missingExpiredTamperedForeignWrongIssuerAndUnsignedTokensGet401() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", Tokens.expired("office", "ADMIN"));
        bad.put("tampered", Tokens.tampered());
        bad.put("signed with another key", Tokens.foreignKey("office", "ADMIN"));
        bad.put("from another issuer", Tokens.wrongIssuer("office", "ADMIN"));
        bad.put("for another system (audience)", Tokens.otherAudience("office", "ADMIN"));
        bad.put("alg=none", Tokens.unsigned());
        bad.put("not a token", "not-a-token");
        List<String> wrong = new ArrayList<>();
        for (String path :
                List.of("/api/v1/projects", "/api/v1/ledger/summary?year=2023", "/api/v1/exports/ledger.csv")) {
            for (Map.Entry<String, String> token : bad.entrySet()) {
                int status =
                        given().auth().oauth2(token.getValue()).when().get(path).statusCode();
                if (status != 401) {
                    wrong.add("GET " + path + " with a token " + token.getKey() + ": " + status);
                }
            }
        }
        for (Map.Entry<String, String> token : bad.entrySet()) {
            int status = given().auth()
                    .oauth2(token.getValue())
                    .contentType(ContentType.JSON)
                    .body(SampleProjects.inPool("PLANNING", 2023, "1000.00", "0.00"))
                    .when()
                    .post("/api/v1/projects")
                    .statusCode();
            if (status != 401) {
                wrong.add("POST /api/v1/projects with a token " + token.getKey() + ": " + status);
            }
        }
        assertEquals(List.of(), wrong);
        // the same token, untouched, is good
        given().auth()
                .oauth2(Tokens.of("viewer", "VIEWER"))
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theDemoSignInGivesATokenToADemoUserOnly() {
        String token = given().contentType(ContentType.JSON)
                .body("{\"username\": \"viewer\", \"password\": \"demo\"}")
                .when()
                .post("/auth/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .extract()
                .path("access_token");
        given().auth().oauth2(token).when().get("/api/v1/projects").then().statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(SampleProjects.inPool("PLANNING", 2023, "1000.00", "0.00"))
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"viewer\", \"password\": \"wrong\"}")
                .when()
                .post("/auth/token")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body("{\"username\": \"nobody\", \"password\": \"demo\"}")
                .when()
                .post("/auth/token")
                .then()
                .statusCode(401);
    }

    private static Response call(Case c, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (c.body() != null) {
            String type = c.path().startsWith("/api/v1/imports")
                    ? "text/csv; charset=UTF-8"
                    : c.path().contains("/rollover")
                            ? "application/octet-stream"
                            : c.method().equals("PATCH")
                                    ? "application/merge-patch+json; charset=UTF-8"
                                    : "application/json; charset=UTF-8";
            request = request.contentType(type).body(c.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.when().request(c.method(), c.path());
    }

    private static Set<String> union(Set<String> users, String more) {
        Set<String> all = new HashSet<>(users);
        all.add(more);
        return all;
    }

    private static String register(String body) {
        return given().auth()
                .oauth2(OFFICE)
                .contentType("application/json; charset=UTF-8")
                .body(body)
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    /** An assignment event from someone who is not the tracker: it grants nothing and goes to the dead-letter topic. */
    @Test
    void aForgedAssignmentGrantsNothing() throws Exception {
        String c = register(SampleProjects.inPool("BUILDING", 2023, "60000.00", "20000.00"));
        announce(c, 1, "社会事业专班", null, "officer-li");
        awaitAccess(c, 1);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events dlq = new Events(kafka, "ledger.tracker-alerts.registry-dlq")) {
            announceAs("/someone-else", c, 2, "社会事业专班", "officer-wang", "officer-wang");
            String reason = Events.header(dlq.await(c, 1).get(0), "dead-letter-reason");
            assertTrue(reason.contains("ce_source"), reason);
        }
        awaitAccess(c, 1);
        given().auth()
                .oauth2(Tokens.of("officer-wang", "OFFICER"))
                .contentType(ContentType.JSON)
                .body("{\"investmentCompleted\": 1.00, \"imageProgressPercent\": 5, \"siteStatus\": \"STARTED\"}")
                .when()
                .put("/api/v1/projects/" + c + "/progress/2023-W12")
                .then()
                .statusCode(403);
    }

    /** The tracker's ledger.assignment.changed.v1 for a project, as it publishes it. */
    private void announce(String code, long version, String taskForce, String leaderAccount, String... members) {
        Assignments.announce(bootstrapServers, "/progress-tracker", code, version, taskForce, leaderAccount, members);
    }

    /** An assignment event as the tracker publishes it, from the source given. */
    private void announceAs(
            String source, String code, long version, String taskForce, String leaderAccount, String... members) {
        Assignments.announce(bootstrapServers, source, code, version, taskForce, leaderAccount, members);
    }

    private void awaitAccess(String code, long version) {
        Assignments.awaitAccess(dataSource, code, version);
    }
}
