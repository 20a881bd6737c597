package org.districtledger.tracker.assignment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 包联: one leader and one task force per project, kept with their history, announced on Kafka. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class AssignmentResourceTest {

    private static final String ASSIGNMENT = """
            {"leader": {"name": "王建国", "title": "副区长"},
             "taskForce": {"name": "污水处理专班", "leadDepartment": "区水务局",
                           "members": [{"name": "李明", "role": "专班组长", "contact": "022-29341234"},
                                       {"name": "赵芳", "role": "联络员"}]}}
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAssignmentClearsMissingAccountabilityIsKeptWithItsHistoryAndAnnounced() {
        String code = "WQ-2023-8001";
        BusinessDate.set("2023-03-10");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                AlertsTopic alerts = new AlertsTopic(kafka)) {
            RegistryEvents.send(kafka, RegistryEvents.registeredBuilding(code, "2022-10-01", "2023-W09"));
            alerts.await(code, "ledger.flag.raised.v1", "MISSING_ACCOUNTABILITY");

            given().contentType(ContentType.JSON)
                    .body(ASSIGNMENT)
                    .when()
                    .put("/api/v1/assignments/" + code)
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(1))
                    .body("leader.name", equalTo("王建国"))
                    .body("taskForce.members.name", contains("李明", "赵芳"));
            var announced = alerts.await(code, "ledger.assignment.changed.v1");
            assertTrue(announced.value().contains("污水处理专班"));
            alerts.await(code, "ledger.flag.cleared.v1", "MISSING_ACCOUNTABILITY");

            given().contentType(ContentType.JSON)
                    .body(ASSIGNMENT.replace("王建国", "陈立新"))
                    .when()
                    .put("/api/v1/assignments/" + code)
                    .then()
                    .statusCode(200)
                    .body("version", equalTo(2));
        }
        given().queryParam("leader", "陈立新")
                .when()
                .get("/api/v1/assignments")
                .then()
                .body("projectCode", hasItem(code));
        given().queryParam("taskForce", "污水处理专班")
                .when()
                .get("/api/v1/assignments")
                .then()
                .body("projectCode", hasItem(code));
        given().queryParam("department", "区水务局")
                .when()
                .get("/api/v1/assignments")
                .then()
                .body("projectCode", hasItem(code));
        given().queryParam("leader", "王建国")
                .when()
                .get("/api/v1/assignments")
                .then()
                .body("projectCode.size()", equalTo(0));
        given().when()
                .get("/api/v1/assignments/" + code + "/history")
                .then()
                .body("leader.name", contains("王建国", "陈立新"))
                .body("changedBy", contains("office", "office"));
        given().when().get("/api/v1/leaders").then().body("find { it.name == '陈立新' }.projects.code", hasItem(code));
        given().when()
                .get("/api/v1/projects/" + code + "/timeline")
                .then()
                .body("summary", hasItem("调整包联：领导 陈立新（副区长），专班 污水处理专班，牵头部门 区水务局"));
    }

    @Test
    void aWrongAssignmentIsRefusedAndWritesNothing() throws Exception {
        String code = "WQ-2023-8002";
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            kafka.produceStrings()
                    .fromRecords(RegistryEvents.registered(UUID.randomUUID(), code, 1, "PREPARING"))
                    .awaitCompletion(Duration.ofSeconds(20));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().get("/api/v1/projects/" + code).statusCode() == 200);
        long before = count();

        refused(code, ASSIGNMENT.replace("\"leader\": {\"name\": \"王建国\", \"title\": \"副区长\"},", ""), "leader");
        refused(
                code,
                ASSIGNMENT.replace(
                        "\"leader\": {\"name\": \"王建国\", \"title\": \"副区长\"}",
                        "\"leader\": [{\"name\": \"王建国\"}, {\"name\": \"陈立新\"}]"),
                "leader");
        refused(code, ASSIGNMENT.replace("\"leader\":", "\"leaders\": [], \"leader\":"), "leaders");
        refused(
                code,
                ASSIGNMENT.replace("{\"name\": \"赵芳\", \"role\": \"联络员\"}", "{\"role\": \"联络员\"}"),
                "taskForce.members[1].name");
        refused(code, ASSIGNMENT.replace("污水处理专班", "专".repeat(101)), "taskForce.name");
        refused(code, ASSIGNMENT.replaceAll("(?s)\"members\": \\[.*\\]", "\"members\": []"), "taskForce.members");
        given().contentType(ContentType.JSON)
                .body(ASSIGNMENT)
                .when()
                .put("/api/v1/assignments/WQ-1999-0404")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertEquals(before, count(), "nothing written");
        given().when().get("/api/v1/assignments/" + code).then().statusCode(404);
    }

    private static void refused(String code, String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/assignments/" + code)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT (SELECT count(*) FROM assignment) + (SELECT count(*) FROM assignment_history)"
                                + " + (SELECT count(*) FROM outbox_event WHERE event_type = 'ledger.assignment.changed.v1')")) {
            r.next();
            return r.getLong(1);
        }
    }
}
