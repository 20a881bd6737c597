package org.districtledger.registry.outbox;

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
import org.districtledger.testsupport.KafkaOutage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With Kafka stopped, writes succeed; when it is back, every event arrives, in order, once. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class KafkaOutageTest {

    private static final int WRITES = 50;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void fiftyWritesDuringAnOutageArriveInOrderOnceEachWhenKafkaIsBack() throws Exception {
        assumeTrue(KafkaOutage.possible(), "needs the embedded broker, which the tests use where no servers are named");
        String code = SampleProjects.register(SampleProjects.inPool("BUILDING", 2023, "500000.00", "100000.00"));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events events = Events.of(kafka)) {
            events.await(code, 1);
        }

        KafkaOutage.stopBroker();
        try {
            // the broker's outage shows under wellness; the registry stays ready, its writes wait in the outbox
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> given().when().get("/q/health/well").statusCode() == 503);
            given().when().get("/q/health/ready").then().statusCode(200);
            for (int week = 1; week <= WRITES; week++) {
                given().contentType(ContentType.JSON)
                        .body("{\"investmentCompleted\": 100.00, \"imageProgressPercent\": " + week
                                + ", \"siteStatus\": \"STARTED\"}")
                        .when()
                        .put(String.format("/api/v1/projects/%s/progress/2023-W%02d", code, week))
                        .then()
                        .statusCode(201);
            }
        } finally {
            KafkaOutage.restartBroker();
        }

        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events events = Events.of(kafka)) {
            List<ConsumerRecord<String, String>> records = events.await(code, WRITES + 1);
            ObjectMapper json = new ObjectMapper();
            List<Long> sequences = records.stream()
                    .map(r -> {
                        try {
                            return json.readTree(r.value()).get("sequence").asLong();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertEquals(
                    LongStream.rangeClosed(1, WRITES + 1).boxed().toList(),
                    sequences,
                    "every event once, in the project's order");
            assertEquals(
                    WRITES + 1,
                    new HashSet<>(records.stream()
                                    .map(r -> Events.header(r, "ce_id"))
                                    .toList())
                            .size());
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().when().get("/q/health/well").statusCode() == 200);
    }
}
