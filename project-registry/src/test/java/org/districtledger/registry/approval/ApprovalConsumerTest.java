package org.districtledger.registry.approval;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.districtledger.contract.ApprovalEventType;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.testsupport.EventContract;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The approval bureau's granted permits, as they arrive on ledger.approval-events. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class ApprovalConsumerTest {

    private static final String TOPIC = "ledger.approval-events";
    private static final String BUREAU = "/approval-bureau";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aGrantedPermitIsAppliedOnceAndAnnounced() {
        String code = SampleProjects.register(SampleProjects.preparingSchool(6001));
        String id = UUID.randomUUID().toString();
        String permit = "{\"nationalCode\": \"2023-120114-83-01-006001\", \"procedureType\": \"CONSTRUCTION_PERMIT\","
                + " \"approvalNumber\": \"津武审批施〔2023〕88号\", \"date\": \"2023-03-30\", \"authority\": \"区行政审批局\"}";
        try (Events events = Events.of(kafka)) {
            send(approval(id, code, permit));
            send(approval(id, code, permit));
            var records = events.await(code, 2);
            assertEquals(
                    1,
                    records.stream()
                            .filter(r -> "ledger.project.procedure-updated.v1".equals(Events.header(r, "ce_type")))
                            .count(),
                    "the same message twice is applied once");
        }
        given().when()
                .get("/api/v1/projects/" + code + "/procedures")
                .then()
                .body("find { it.type == 'CONSTRUCTION_PERMIT' }.status", equalTo("DONE"))
                .body("find { it.type == 'CONSTRUCTION_PERMIT' }.approvalNumber", equalTo("津武审批施〔2023〕88号"))
                .body("find { it.type == 'CONSTRUCTION_PERMIT' }.updatedBy", equalTo("/approval-bureau"));
    }

    @Test
    void aPoisonedRecordAndAnUnknownProjectGoToTheDeadLetterTopicAndTheNextGoodOneIsApplied() {
        String code = SampleProjects.register(SampleProjects.preparingSchool(6002));
        // the task force set the permit's target date; the bureau's grant keeps it (it says when, not by when)
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"IN_PROGRESS\", \"targetDate\": \"2023-02-15\"}")
                .when()
                .put("/api/v1/projects/" + code + "/procedures/LAND_CERTIFICATE")
                .then()
                .statusCode(200);
        try (Events dlq = new Events(kafka, "ledger.approval-events.dlq")) {
            send(EventContract.offContract(
                    TOPIC, BUREAU, ApprovalEventType.GRANTED.cloudEventType(), "poison-1", "{not json"));
            send(
                    approval(
                            UUID.randomUUID().toString(),
                            "poison-2",
                            "{\"code\": \"WQ-1999-0001\", \"procedureType\": \"LAND_CERTIFICATE\", \"approvalNumber\": \"1\", \"date\": \"2023-01-05\"}"));
            send(
                    approval(
                            UUID.randomUUID().toString(),
                            code,
                            "{\"code\": \"" + code
                                    + "\", \"procedureType\": \"LAND_CERTIFICATE\", \"approvalNumber\": \"津(2023)武清区不动产权第0012号\", \"date\": \"2023-02-01\"}"));

            String first = reason(dlq, "poison-1");
            String second = reason(dlq, "poison-2");
            assertTrue(first.contains("not a granted permit"), first);
            assertTrue(second.contains("WQ-1999-0001"), second);
        }
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/projects/" + code + "/procedures")
                        .then()
                        .body("find { it.type == 'LAND_CERTIFICATE' }.status", equalTo("DONE"))
                        .body("find { it.type == 'LAND_CERTIFICATE' }.doneDate", equalTo("2023-02-01"))
                        .body("find { it.type == 'LAND_CERTIFICATE' }.targetDate", equalTo("2023-02-15")));
    }

    private static String reason(Events dlq, String key) {
        var dead = dlq.await(key, 1).get(0);
        return Events.header(dead, "dead-letter-reason");
    }

    private void send(ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
    }

    /** A granted permit as the approval bureau publishes it, held to the published schema of ledger.approval.granted.v1. */
    private static ProducerRecord<String, String> approval(String id, String key, String body) {
        return EventContract.withId(
                EventContract.record(TOPIC, BUREAU, ApprovalEventType.GRANTED.cloudEventType(), key, body), id);
    }
}
