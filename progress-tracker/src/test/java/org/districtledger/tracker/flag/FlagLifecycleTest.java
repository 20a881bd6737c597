package org.districtledger.tracker.flag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A project whose planned start passes without a start: raised, escalated, and cleared by its start, on Kafka. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class FlagLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aStalledStartIsRaisedEscalatedAndClearedByTheStartMilestone() throws Exception {
        String code = "WQ-2023-7001";
        BusinessDate.set("2023-04-01");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                AlertsTopic alerts = new AlertsTopic(kafka)) {
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.registered(
                            UUID.randomUUID(),
                            code,
                            1,
                            Map.of(
                                    "plannedStart",
                                    "2023-03-20",
                                    "poolSince",
                                    "2023-01-05",
                                    "lastReportedWeek",
                                    "2023-W13")));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().get("/api/v1/projects/" + code).statusCode() == 200);
            given().queryParam("project", code)
                    .queryParam("rule", "STALLED_START")
                    .when()
                    .get("/api/v1/flags")
                    .then()
                    .body("size()", equalTo(0));

            BusinessDate.set("2023-04-15");
            ConsumerRecord<String, String> raised = alerts.await(code, "ledger.flag.raised.v1", "STALLED_START");
            JsonNode flag = new ObjectMapper().readTree(raised.value()).get("flag");
            assertEquals("STALLED_START", flag.get("rule").asText());
            assertEquals("YELLOW", flag.get("colour").asText());
            assertEquals("计划开工日期 2023-03-20，已逾期 26 天未开工", flag.get("reason").asText());
            assertEquals("/progress-tracker", AlertsTopic.header(raised, "ce_source"));
            assertEquals(code, AlertsTopic.header(raised, "ce_subject"));
            given().queryParam("project", code)
                    .queryParam("rule", "STALLED_START")
                    .when()
                    .get("/api/v1/flags")
                    .then()
                    .body("colour", contains("YELLOW"))
                    .body("ruleLabel", contains("未按期开工"))
                    .body("ruleVersion", contains(1))
                    .body("raisedOn", contains("2023-04-15"));

            BusinessDate.set("2023-04-20");
            alerts.await(code, "ledger.flag.escalated.v1", "STALLED_START");
            given().queryParam("project", code)
                    .queryParam("rule", "STALLED_START")
                    .when()
                    .get("/api/v1/flags")
                    .then()
                    .body("colour", contains("RED"))
                    .body("escalatedOn", contains("2023-04-20"));

            kafka.produceStrings()
                    .fromRecords(RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.milestone-reached.v1",
                            code,
                            2,
                            Map.of(
                                    "plannedStart",
                                    "2023-03-20",
                                    "pool",
                                    "BUILDING",
                                    "actualStart",
                                    "2023-04-19",
                                    "poolSince",
                                    "2023-04-19",
                                    "lastReportedWeek",
                                    "2023-W15"),
                            Map.of("milestone", "STARTED", "date", "2023-04-19")))
                    .awaitCompletion(Duration.ofSeconds(20));
            ConsumerRecord<String, String> cleared = alerts.await(code, "ledger.flag.cleared.v1", "STALLED_START");
            assertEquals(
                    "STALLED_START",
                    new ObjectMapper()
                            .readTree(cleared.value())
                            .get("flag")
                            .get("rule")
                            .asText());
            assertEquals(
                    1, alerts.of(code, "ledger.flag.raised.v1", "STALLED_START").size(), "raised once");
        }
        given().queryParam("project", code)
                .queryParam("state", "CLEARED")
                .queryParam("rule", "STALLED_START")
                .when()
                .get("/api/v1/flags")
                .then()
                .body("clearedOn", contains("2023-04-20"));
        given().when()
                .get("/api/v1/projects/" + code + "/timeline")
                .then()
                .statusCode(200)
                .body("summary", hasItem("里程碑 开工：2023-04-19"))
                .body("type", hasItem("ESCALATED"))
                .body("summary", hasItem("升级为红灯【未按期开工】计划开工日期 2023-03-20，已逾期 31 天未开工（截至 2023-04-20）"));
    }

    @Test
    void theClockCanBeReadSetAndReset() {
        BusinessDate.set("2023-06-30");
        given().when()
                .get("/api/v1/clock")
                .then()
                .body("today", equalTo("2023-06-30"))
                .body("set", equalTo(true));
        given().contentType(ContentType.JSON)
                .body("{\"asOf\": \"not a date\"}")
                .when()
                .put("/api/v1/clock")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("asOf"));
        given().when().delete("/api/v1/clock").then().statusCode(200).body("set", equalTo(false));
    }
}
