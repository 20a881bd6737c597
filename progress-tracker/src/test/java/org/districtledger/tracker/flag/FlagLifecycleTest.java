package org.districtledger.tracker.flag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project whose planned start passes without a start: raised, escalated, and cleared by its start, on Kafka. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class FlagLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    RuleVersions versions;

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
                    .body("ruleVersion", contains(versions.of(Rule.STALLED_START)))
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
    void aRedFlagBackToYellowStaysTheSameFlagSinceTheDayItWasRaised() throws Exception {
        String code = "WQ-2023-7002";
        BusinessDate.set("2023-04-20");
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
                                    "2023-03-10",
                                    "poolSince",
                                    "2023-01-05",
                                    "lastReportedWeek",
                                    "2023-W15")));
            JsonNode raised = new ObjectMapper()
                    .readTree(alerts.await(code, "ledger.flag.raised.v1", "STALLED_START")
                            .value())
                    .get("flag");
            assertEquals("RED", raised.get("colour").asText(), "41 days late");
            assertEquals("41", raised.get("inputs").get("daysLate").asText());
            assertEquals("2023-03-10", raised.get("inputs").get("plannedStart").asText());

            BusinessDate.set("2023-04-25");
            // the office moves the planned start: 20 days late is yellow
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.updated.v1",
                            code,
                            2,
                            Map.of(
                                    "plannedStart",
                                    "2023-04-05",
                                    "poolSince",
                                    "2023-01-05",
                                    "lastReportedWeek",
                                    "2023-W16"),
                            Map.of("fields", List.of("plannedStart"))));
            JsonNode back = new ObjectMapper()
                    .readTree(alerts.await(code, "ledger.flag.deescalated.v1", "STALLED_START")
                            .value())
                    .get("flag");
            assertEquals(raised.get("id").asLong(), back.get("id").asLong(), "the same flag");
            assertEquals("YELLOW", back.get("colour").asText());
            assertEquals("2023-04-20", back.get("raisedOn").asText(), "since the day it was raised");
            assertEquals("计划开工日期 2023-04-05，已逾期 20 天未开工", back.get("reason").asText());
            assertEquals("20", back.get("inputs").get("daysLate").asText());
            assertEquals(
                    1, alerts.of(code, "ledger.flag.raised.v1", "STALLED_START").size(), "raised once");
            assertEquals(
                    0,
                    alerts.of(code, "ledger.flag.cleared.v1", "STALLED_START").size(),
                    "never cleared");
        }
        given().queryParam("project", code)
                .queryParam("rule", "STALLED_START")
                .when()
                .get("/api/v1/flags")
                .then()
                .body("colour", contains("YELLOW"))
                .body("raisedOn", contains("2023-04-20"))
                .body("ruleVersion", contains(versions.of(Rule.STALLED_START)));
        given().when()
                .get("/api/v1/projects/" + code + "/timeline")
                .then()
                .body("type", hasItem("DEESCALATED"))
                .body("summary", hasItem("降为黄灯【未按期开工】计划开工日期 2023-04-05，已逾期 20 天未开工（截至 2023-04-25）"));
    }

    @Test
    void aRuleGetsANewVersionWhenAThresholdChangesAndKeepsItWhenNothingDoes() {
        Rule rule = Rule.KEY_CONVERSION_OVERDUE;
        int current = versions.of(rule);
        String stricter = rule.definition(FlagRulesTest.settings(Map.of("ledger.flags.key-conversion.red-days", "20")));
        int changed = versions.register(rule, stricter);
        assertTrue(changed > current, "a changed threshold is a new version");
        assertEquals(changed, versions.register(rule, stricter), "the same definition keeps its version");
        assertEquals(current, versions.of(rule), "this service's settings keep theirs");
        given().when()
                .get("/api/v1/flags/rules")
                .then()
                .statusCode(200)
                .body("findAll { it.rule == 'KEY_CONVERSION_OVERDUE' }.version", hasItems(current, changed))
                .body(
                        "find { it.rule == 'KEY_CONVERSION_OVERDUE' && it.current }.definition",
                        equalTo("logic=1;yellow-days=1;red-days=30"))
                .body(
                        "find { it.rule == 'KEY_CONVERSION_OVERDUE' && it.version == " + changed + " }.definition",
                        equalTo("logic=1;yellow-days=1;red-days=20"));
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
