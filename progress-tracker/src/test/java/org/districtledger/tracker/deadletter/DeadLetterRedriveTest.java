package org.districtledger.tracker.deadletter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.testsupport.EventContract;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The office's operator lists the tracker's dead letters, reads one whole, and re-drives them: an event an older
 * tracker could not take (put on the dead-letter topic as it would have) is applied when re-driven, once; a record
 * that is still not an event goes back to the dead-letter topic with its reason; each re-drive is recorded.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class DeadLetterRedriveTest {

    private static final String DLQ = "ledger.project-events.tracker-dlq";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

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
    void deadLettersAreListedReadAndReDrivenOnceTheirCauseIsGone() throws Exception {
        // a record that is not JSON, dead-lettered by the tracker itself
        String poisoned = "WQ-2023-7801";
        send(EventContract.offContract(
                RegistryEvents.TOPIC,
                RegistryEvents.SOURCE,
                ProjectEventType.REGISTERED.cloudEventType(),
                poisoned,
                "{not json"));
        // a good event that an older tracker, which did not know its type, dead-lettered as this one does
        String waiting = "WQ-2023-7802";
        ProducerRecord<String, String> event = RegistryEvents.registered(UUID.randomUUID(), waiting, 1, "PLANNING");
        RecordHeaders headers = new RecordHeaders(event.headers().toArray());
        headers.add("dead-letter-reason", bytes("unknown event type (tracker 0.9)"));
        headers.add("dead-letter-topic", bytes(RegistryEvents.TOPIC));
        headers.add("dead-letter-partition", bytes("2"));
        headers.add("dead-letter-offset", bytes("4711"));
        send(new ProducerRecord<>(DLQ, null, event.key(), event.value(), headers));

        JsonPath listed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().when()
                                .get("/api/v1/dead-letters")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        list -> list.getList("findAll { it.key == '" + poisoned + "' || it.key == '" + waiting + "' }")
                                        .size()
                                == 2);
        Map<String, Object> good = listed.getMap("find { it.key == '" + waiting + "' }");
        assertEquals("unknown event type (tracker 0.9)", good.get("reason"));
        assertEquals("ledger.project-events-2@4711", good.get("from"));
        assertEquals(ProjectEventType.REGISTERED.cloudEventType(), good.get("type"));
        assertEquals(RegistryEvents.SOURCE, good.get("source"));
        assertEquals(null, good.get("redrive"));
        assertEquals(null, good.get("value"), "the list does not carry the values");
        Map<String, Object> bad = listed.getMap("find { it.key == '" + poisoned + "' }");
        assertTrue(String.valueOf(bad.get("reason")).contains("not JSON"), bad.toString());
        int partition = (Integer) good.get("partition");
        long offset = ((Number) good.get("offset")).longValue();
        int badPartition = (Integer) bad.get("partition");
        long badOffset = ((Number) bad.get("offset")).longValue();

        given().when()
                .get("/api/v1/dead-letters/" + partition + "/" + offset)
                .then()
                .statusCode(200)
                .body("value", containsString(waiting))
                .body("headers.ce_source", equalTo(RegistryEvents.SOURCE))
                .body("headers.'dead-letter-offset'", equalTo("4711"));
        given().when().get("/api/v1/projects/" + waiting).then().statusCode(404);

        // re-driven: applied as it first came, once
        given().when()
                .post("/api/v1/dead-letters/" + partition + "/" + offset + "/redrive")
                .then()
                .statusCode(200)
                .body("redrive.outcome", equalTo("applied"))
                .body("redrive.by", equalTo("office"));
        given().when().get("/api/v1/projects/" + waiting).then().statusCode(200).body("pool", equalTo("PLANNING"));
        given().when()
                .post("/api/v1/dead-letters/" + partition + "/" + offset + "/redrive")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("re-driven by office"));

        // still not an event: back on the dead-letter topic, with its reason
        given().when()
                .post("/api/v1/dead-letters/" + badPartition + "/" + badOffset + "/redrive")
                .then()
                .statusCode(200)
                .body("redrive.outcome", equalTo("dead-lettered"))
                .body("redrive.reason", containsString("not JSON"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().when()
                                .get("/api/v1/dead-letters")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("findAll { it.key == '" + poisoned + "' }")
                                .size()
                        == 2);
        given().when().get("/api/v1/projects/" + poisoned).then().statusCode(404);

        // recorded, and the list says which were re-driven
        assertEquals(List.of("applied office", "dead-lettered office"), redrives());
        given().when()
                .get("/api/v1/dead-letters")
                .then()
                .body("find { it.key == '" + waiting + "' }.redrive.outcome", equalTo("applied"));

        // a dead letter that is not there
        given().when()
                .post("/api/v1/dead-letters/" + partition + "/999999/redrive")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "viewer", roles = "VIEWER")
    void onlyTheOfficeSeesAndReDrivesDeadLetters() {
        given().when().get("/api/v1/dead-letters").then().statusCode(403);
        given().when().post("/api/v1/dead-letters/0/0/redrive").then().statusCode(403);
    }

    private List<String> redrives() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT outcome, redriven_by FROM dead_letter_redrive ORDER BY id");
                ResultSet r = s.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2));
            }
            return rows;
        }
    }

    private void send(ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
