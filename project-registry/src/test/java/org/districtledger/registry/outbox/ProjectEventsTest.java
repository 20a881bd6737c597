package org.districtledger.registry.outbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.testsupport.PrometheusText;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class ProjectEventsTest {

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
    void aRegisteredProjectPublishesOneCloudEventKeyedByItsCode() throws Exception {
        String code = given().contentType(ContentType.JSON)
                .body(SampleProjects.preparingSchool(777))
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("code");

        try (Events events = Events.of(kafka)) {
            events.await(code, 1);
            Thread.sleep(500); // with the helper's own pause, a second for a duplicate to arrive right behind the first
            List<ConsumerRecord<String, String>> mine = events.of(code);
            assertEquals(1, mine.size(), "exactly one record for the new project");
            ConsumerRecord<String, String> record = mine.get(0);
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("ledger.project.registered.v1", header(record, "ce_type"));
            assertEquals("/project-registry", header(record, "ce_source"));
            assertEquals(code, header(record, "ce_subject"));
            assertDoesNotThrow(() -> UUID.fromString(header(record, "ce_id")));
            assertDoesNotThrow(() -> OffsetDateTime.parse(header(record, "ce_time")));
            assertEquals("application/json", header(record, "content-type"));

            JsonNode body = new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(record.value());
            assertEquals(1, body.get("sequence").asInt());
            assertEquals(code, body.get("project").get("code").asText());
            assertEquals("PREPARING", body.get("project").get("pool").asText());
            assertTrue(
                    record.value().contains("\"annualPlanInvestment\":12000.50"),
                    "money as an exact decimal with two places");
        }
    }

    @Test
    void theOutboxAndTheRelayAreMeasuredAsAScraperReadsThem() {
        SampleProjects.register(SampleProjects.preparingSchool(778));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(PrometheusText.value(metrics, "ledger_relay_send_seconds_count", Map.of()) >= 1, "sends timed");
            assertEquals(0, PrometheusText.value(metrics, "ledger_outbox_pending", Map.of()), "nothing left behind");
            assertEquals(0, PrometheusText.value(metrics, "ledger_outbox_oldest_age_seconds", Map.of()), 0.0);
            assertTrue(
                    PrometheusText.value(
                                    metrics, "http_server_requests_seconds_count", Map.of("uri", "/api/v1/projects"))
                            >= 1,
                    "HTTP requests");
            assertTrue(PrometheusText.value(metrics, "agroal_active_count", Map.of()) >= 0, "the connection pool");
            assertTrue(PrometheusText.value(metrics, "jvm_memory_used_bytes", Map.of()) > 0, "the JVM");
        });
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        String value = Events.header(record, name);
        assertNotNull(value, "header " + name);
        return value;
    }
}
