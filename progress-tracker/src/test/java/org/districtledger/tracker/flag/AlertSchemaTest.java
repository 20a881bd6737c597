package org.districtledger.tracker.flag;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.contract.AlertEventType;
import org.districtledger.testsupport.EventContract;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every alert type the tracker emits, checked against the JSON Schema its AsyncAPI document names. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class AlertSchemaTest {

    private static final List<String> TYPES = Arrays.stream(AlertEventType.values())
            .map(AlertEventType::cloudEventType)
            .toList();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyAlertTypePassesItsSchema() throws Exception {
        String code = "WQ-2023-9101";
        BusinessDate.set("2023-02-01");
        ObjectMapper json = new ObjectMapper();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                AlertsTopic alerts = new AlertsTopic(kafka)) {
            RegistryEvents.send(kafka, RegistryEvents.registeredBuilding(code, "2023-01-25", "2023-W04"));
            alerts.await(code, "ledger.flag.raised.v1", "MISSING_ACCOUNTABILITY");
            BusinessDate.set("2023-02-20");
            alerts.await(code, "ledger.flag.escalated.v1", "MISSING_ACCOUNTABILITY");
            given().contentType(ContentType.JSON)
                    .body(
                            "{\"leader\": {\"name\": \"刘洋\"}, \"taskForce\": {\"name\": \"城建专班\", \"leadDepartment\": \"区住建委\", \"members\": [{\"name\": \"孙磊\"}]}}")
                    .when()
                    .put("/api/v1/assignments/" + code)
                    .then()
                    .statusCode(200);
            alerts.await(code, "ledger.flag.cleared.v1", "MISSING_ACCOUNTABILITY");
            alerts.await(code, "ledger.assignment.changed.v1");

            // a stalled start 50 days late (red) whose planned start the office moves: 19 days late, back to yellow
            String moved = "WQ-2023-9102";
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.registered(
                            UUID.randomUUID(),
                            moved,
                            1,
                            Map.of(
                                    "plannedStart",
                                    "2023-01-01",
                                    "poolSince",
                                    "2022-10-01",
                                    "lastReportedWeek",
                                    "2023-W07")));
            alerts.await(moved, "ledger.flag.raised.v1", "STALLED_START");
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.updated.v1",
                            moved,
                            2,
                            Map.of(
                                    "plannedStart",
                                    "2023-02-01",
                                    "poolSince",
                                    "2022-10-01",
                                    "lastReportedWeek",
                                    "2023-W07"),
                            Map.of("fields", List.of("plannedStart"))));
            alerts.await(moved, "ledger.flag.deescalated.v1", "STALLED_START");

            for (String type : TYPES) {
                var schema = EventContract.schema(type);
                List<ConsumerRecord<String, String>> records = new ArrayList<>(alerts.of(code, type));
                records.addAll(alerts.of(moved, type));
                for (ConsumerRecord<String, String> record : records) {
                    var errors = schema.validate(json.readTree(record.value()));
                    assertTrue(errors.isEmpty(), type + " does not pass its schema: " + errors + "\n" + record.value());
                    var broken = json.readTree(record.value().replace("\"sequence\":", "\"sequence\":-"));
                    assertTrue(
                            !schema.validate(broken).isEmpty(),
                            "the schema of " + type + " catches a negative sequence");
                }
                assertTrue(!records.isEmpty(), "emitted " + type);
            }
        }
        var document = given().when().get("/asyncapi/asyncapi.yaml").then().statusCode(200);
        for (String type : TYPES) {
            document.body(containsString("schemas/" + type + ".json"));
            given().when().get("/asyncapi/schemas/" + type + ".json").then().statusCode(200);
        }
    }
}
