package org.districtledger.tracker;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.districtledger.testsupport.OpenApiFuzz;
import org.districtledger.testsupport.Tokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracker's published OpenAPI document, fuzzed: every input it says is invalid gets a 4xx, none a 2xx, and
 * nothing (valid or not) makes the server fail or go silent.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyInputTheDocumentForbidsIsRefusedAndNothingFailsTheServer() throws Exception {
        String code = "WQ-2023-5480";
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            RegistryEvents.send(kafka, RegistryEvents.registeredBuilding(code, "2022-10-01", "2023-W09"));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> given().get("/api/v1/projects/" + code).then().statusCode(200));
        OpenApiFuzz.Report report = new OpenApiFuzz(
                        root,
                        Tokens.of("office", "ADMIN"),
                        List.of(
                                Map.of("code", code, "isoWeek", "2023-W10"),
                                Map.of("code", code, "isoWeek", "2023-W26"),
                                Map.of("code", "WQ-2023-9999", "isoWeek", "2023-W52")))
                .run();
        given().delete("/api/v1/clock").then().statusCode(200); // the fuzz's valid input set the clock
        System.out.println("[fuzz] tracker: " + report.summary());
        assertEquals(0, report.serverErrors().size(), lines(report.serverErrors()));
        assertEquals(0, report.invalidAccepted().size(), lines(report.invalidAccepted()));
        assertEquals(0, report.noAnswer().size(), lines(report.noAnswer()));
        assertEquals(0, report.notProblemJson().size(), lines(report.notProblemJson()));
        assertTrue(
                report.invalidSent() > 700,
                "hundreds of invalid inputs (several thousand with the registry): " + report.summary());
    }

    private static String lines(List<OpenApiFuzz.Exchange> exchanges) {
        StringBuilder text = new StringBuilder();
        exchanges.stream().limit(60).forEach(e -> text.append('\n').append(e));
        return exchanges.size() + ":" + text;
    }
}
