package org.districtledger.tracker.project;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.testsupport.EventContract;
import org.districtledger.testsupport.PrometheusText;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class ProjectEventConsumerTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(7100);

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
    void anEventFromTheRegistryIsExposedOverRest() {
        String code = nextCode();
        send(RegistryEvents.registered(UUID.randomUUID(), code, 1, "PREPARING"));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/projects/" + code)
                        .then()
                        .statusCode(200)
                        .body("name", equalTo("城区第五污水处理厂扩建"))
                        .body("pool", equalTo("PREPARING"))
                        .body("annualPlanInvestment", equalTo(21000.25f))
                        .body("lastSequence", equalTo(1)));
    }

    @Test
    void theSameEventTwiceAndAnOldEventAfterANewerOneChangeNothing() throws SQLException {
        String code = nextCode();
        UUID first = UUID.randomUUID();
        send(RegistryEvents.registered(first, code, 1, "RESERVE"));
        send(RegistryEvents.registered(first, code, 1, "RESERVE"));
        send(RegistryEvents.event(
                UUID.randomUUID(),
                ProjectEventType.CONVERTED.cloudEventType(),
                code,
                2,
                Map.of("pool", "PREPARING", "poolSince", "2023-03-01"),
                Map.of("from", "RESERVE", "to", "PREPARING", "date", "2023-03-01", "forwardByOne", true)));
        // a stale copy of the first change, under a new id: older than what the tracker holds
        UUID stale = UUID.randomUUID();
        send(RegistryEvents.registered(stale, code, 1, "RESERVE"));

        await().atMost(Duration.ofSeconds(20)).until(() -> outcomeOf(stale) != null);
        assertEquals("OUTDATED", outcomeOf(stale));
        assertEquals(
                1,
                count("SELECT count(*) FROM processed_event WHERE event_id = ?", first),
                "the repeated event is in the inbox once");
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .statusCode(200)
                .body("pool", equalTo("PREPARING"))
                .body("lastSequence", equalTo(2))
                .body("sequenceGaps", equalTo(0));
    }

    @Test
    void aPoisonedRecordGoesToTheDeadLetterTopicAndTheNextGoodOneIsApplied() {
        ConsumerTask<String, String> dlq = deadLetters();
        try {
            String poisoned = nextCode();
            send(EventContract.offContract(
                    RegistryEvents.TOPIC,
                    RegistryEvents.SOURCE,
                    ProjectEventType.REGISTERED.cloudEventType(),
                    poisoned,
                    "{not json"));
            String good = nextCode();
            send(RegistryEvents.registered(UUID.randomUUID(), good, 1, "PLANNING"));

            String reason = deadLetterReason(dlq, poisoned);
            assertTrue(reason.contains("not JSON"), "the reason says why: " + reason);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().when()
                            .get("/api/v1/projects/" + good)
                            .then()
                            .statusCode(200));
            given().when().get("/api/v1/projects/" + poisoned).then().statusCode(404);
        } finally {
            dlq.stop();
        }
    }

    @Test
    void anEventClaimingAnotherSourceIsNotAppliedAndGoesToTheDeadLetterTopicWithTheReason() {
        ConsumerTask<String, String> dlq = deadLetters();
        try {
            String forged = nextCode();
            send(EventContract.record(
                    RegistryEvents.TOPIC,
                    "/someone-else",
                    ProjectEventType.REGISTERED.cloudEventType(),
                    forged,
                    RegistryEvents.registered(UUID.randomUUID(), forged, 1, "BUILDING")
                            .value()));
            String reason = deadLetterReason(dlq, forged);
            assertTrue(reason.contains("ce_source is '/someone-else'"), reason);
            given().when().get("/api/v1/projects/" + forged).then().statusCode(404);
        } finally {
            dlq.stop();
        }
    }

    @Test
    void aGapParksTheProjectOthersFlowAndTheLateEventReleasesItWithNothingLost() throws SQLException {
        String code = nextCode();
        String other = nextCode();
        send(RegistryEvents.registered(UUID.randomUUID(), code, 1, "BUILDING"));
        UUID third = UUID.randomUUID();
        send(report(third, code, 3, "2023-W11", "2023-03-13", "300.00"));
        send(RegistryEvents.registered(UUID.randomUUID(), other, 1, "BUILDING"));

        // the other project flows; this one waits at 1, its third event parked, not applied
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/api/v1/projects/" + other).then().statusCode(200));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/api/v1/parked-projects")
                        .then()
                        .statusCode(200)
                        .body("find { it.code == '" + code + "' }.missingSequence", equalTo(2))
                        .body("find { it.code == '" + code + "' }.eventsParked", equalTo(1)));
        given().get("/api/v1/projects/" + code).then().body("lastSequence", equalTo(1));
        assertEquals(null, outcomeOf(third), "a parked event is not in the inbox yet");
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Parked projects' }.data.warning", containsString("missing event"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("ledger_gaps_parked"));
        // a copy of the parked event is not parked twice
        send(report(third, code, 3, "2023-W11", "2023-03-13", "300.00"));

        // the missing event comes late: both are applied, in order, each once, with what each changed
        send(report(UUID.randomUUID(), code, 2, "2023-W10", "2023-03-06", "200.00"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/api/v1/projects/" + code)
                        .then()
                        .body("lastSequence", equalTo(3))
                        .body("sequenceGaps", equalTo(0)));
        assertEquals("APPLIED", outcomeOf(third));
        assertEquals(
                2,
                count("SELECT count(*) FROM tracked_progress WHERE project_code = ?", code),
                "the weekly reports of both events");
        assertEquals(0, count("SELECT count(*) FROM parked_event WHERE project_code = ?", code));
        given().get("/api/v1/parked-projects").then().body("code", not(hasItem(code)));
    }

    @Test
    void anOperatorReleasesAGapThatWillNotCloseAndTheReleaseIsAudited() throws SQLException {
        String code = nextCode();
        send(RegistryEvents.registered(UUID.randomUUID(), code, 1, "BUILDING"));
        send(report(UUID.randomUUID(), code, 3, "2023-W11", "2023-03-13", "300.00"));
        send(report(UUID.randomUUID(), code, 4, "2023-W12", "2023-03-20", "400.00"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> count("SELECT count(*) FROM parked_event WHERE project_code = ?", code) == 2);

        given().contentType("application/json")
                .body("{\"reason\":\" \"}")
                .post("/api/v1/parked-projects/" + code + "/release")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{\"reason\":\"registry confirms event 2 was never committed\"}")
                .post("/api/v1/parked-projects/WQ-2023-0000/release")
                .then()
                .statusCode(404);
        given().contentType("application/json")
                .body("{\"reason\":\"registry confirms event 2 was never committed\"}")
                .post("/api/v1/parked-projects/" + code + "/release")
                .then()
                .statusCode(200)
                .body("missingFrom", equalTo(2))
                .body("missingTo", equalTo(2))
                .body("eventsApplied", equalTo(2))
                .body("releasedBy", equalTo("office"));
        given().get("/api/v1/projects/" + code)
                .then()
                .body("lastSequence", equalTo(4))
                .body("sequenceGaps", equalTo(1));
        assertEquals(1, count("SELECT count(*) FROM gap_release WHERE project_code = ?", code));

        // the missing event turns up after all: it is older than what the tracker now holds
        UUID late = UUID.randomUUID();
        send(report(late, code, 2, "2023-W10", "2023-03-06", "200.00"));
        await().atMost(Duration.ofSeconds(20)).until(() -> outcomeOf(late) != null);
        assertEquals("OUTDATED", outcomeOf(late));
    }

    private static ProducerRecord<String, String> report(
            UUID id, String code, long sequence, String week, String monday, String amount) {
        return RegistryEvents.event(
                id,
                ProjectEventType.PROGRESS_REPORTED.cloudEventType(),
                code,
                sequence,
                Map.of("pool", "BUILDING", "lastReportedWeek", week),
                RegistryEvents.weeklyReport(week, monday, amount, amount, 1));
    }

    @Test
    void theMetricsCountWhatHappenedAsAScraperReadsThem() {
        String poisoned = nextCode();
        send(EventContract.offContract(
                RegistryEvents.TOPIC,
                RegistryEvents.SOURCE,
                ProjectEventType.REGISTERED.cloudEventType(),
                poisoned,
                "{not json"));
        // a building project of 2.1亿 a year without leader and task force: a flag at once, published as an alert
        BusinessDate.set("2023-03-10");
        String flagged = nextCode();
        send(RegistryEvents.registeredBuilding(flagged, "2022-10-01", "2023-W09"));

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(
                    PrometheusText.value(metrics, "ledger_events_applied_total", Map.of("outcome", "applied")) >= 1,
                    "events applied");
            assertTrue(
                    PrometheusText.value(
                                    metrics,
                                    "ledger_dead_letters_total",
                                    Map.of("topic", "ledger.project-events", "reason", "unreadable"))
                            >= 1,
                    "the poisoned record, by topic and kind of reason");
            assertTrue(
                    PrometheusText.value(metrics, "ledger_flags_open", Map.of("rule", "MISSING_ACCOUNTABILITY")) >= 1,
                    "open flags by rule: "
                            + given().get("/api/v1/flags?project=" + flagged).asString());
            assertTrue(PrometheusText.value(metrics, "ledger_relay_send_seconds_count", Map.of()) >= 1, "alerts sent");
            assertEquals(0, PrometheusText.value(metrics, "ledger_outbox_pending", Map.of()), "the outbox emptied");
            assertTrue(
                    PrometheusText.value(
                                    metrics,
                                    "kafka_consumer_fetch_manager_records_lag_max",
                                    Map.of("client_id", "kafka-consumer-project-events"))
                            >= 0,
                    "the consumer's lag");
        });
    }

    /** The tracker's dead-letter topic, read from the start. */
    private ConsumerTask<String, String> deadLetters() {
        return kafka.consumeStrings()
                .withGroupId("dlq-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics("ledger.project-events.tracker-dlq");
    }

    /** Waits for the project's record on the dead-letter topic and answers why it is there. */
    private static String deadLetterReason(ConsumerTask<String, String> dlq, String code) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> dlq.getRecords().stream().anyMatch(r -> code.equals(r.key())));
        return AlertsTopic.header(
                dlq.getRecords().stream()
                        .filter(r -> code.equals(r.key()))
                        .findFirst()
                        .orElseThrow(),
                "dead-letter-reason");
    }

    private void send(ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
    }

    private static String nextCode() {
        return "WQ-2023-" + SERIAL.incrementAndGet();
    }

    private String outcomeOf(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query =
                        c.prepareStatement("SELECT outcome FROM processed_event WHERE event_id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
