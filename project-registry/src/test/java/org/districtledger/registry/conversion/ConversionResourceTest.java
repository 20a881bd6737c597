package org.districtledger.registry.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.registry.Database;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class ConversionResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aConversionPutsExactlyOneConvertedEventOnTheTopic() throws Exception {
        String code = SampleProjects.register(SampleProjects.inPool("PLANNING", 2023, "150000.00", "20000.00"));
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events events = Events.of(kafka)) {
            convert(code, "{\"to\": \"RESERVE\", \"date\": \"2023-03-01\"}")
                    .then()
                    .statusCode(201)
                    .body("from", equalTo("PLANNING"))
                    .body("to", equalTo("RESERVE"));

            List<ConsumerRecord<String, String>> records = events.await(code, 2);
            List<ConsumerRecord<String, String>> converted = records.stream()
                    .filter(r -> "ledger.project.converted.v1".equals(Events.header(r, "ce_type")))
                    .toList();
            assertEquals(1, converted.size(), "one converted event");
            ConsumerRecord<String, String> record = converted.get(0);
            assertEquals(code, record.key());
            assertEquals(code, Events.header(record, "ce_subject"));
            assertEquals("/project-registry", Events.header(record, "ce_source"));
            JsonNode body = new ObjectMapper().readTree(record.value());
            assertEquals(2, body.get("sequence").asInt());
            assertEquals("RESERVE", body.get("change").get("to").asText());
            assertEquals("RESERVE", body.get("project").get("pool").asText());
            assertEquals("2023-03-01", body.get("project").get("poolSince").asText());
        }
        given().when()
                .get("/api/v1/projects/" + code + "/conversions")
                .then()
                .statusCode(200)
                .body("to", contains("RESERVE"));
    }

    @Test
    void aConversionTheRulesForbidIsRefusedAndWritesNothing() {
        Database db = new Database(dataSource);
        String code = SampleProjects.register(SampleProjects.inPool("PLANNING", 2023, "9000.00", "3000.00"));
        long before = db.traces(code);

        convert(code, "{\"to\": \"BUILDING\", \"startDate\": \"2023-04-01\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("reason"))
                .body("detail", containsString("skip"));
        convert(code, "{\"to\": \"RESERVE\", \"date\": \"2999-01-01\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("date"));
        convert(code, "{\"to\": \"NOWHERE\"}").then().statusCode(400).body("errors.field", hasItem("to"));
        convert(code, "{\"to\": \"PLANNING\"}").then().statusCode(409);
        convert(code, "{\"to\": \"RESERVE\", \"reason\": \"" + "很".repeat(501) + "\"}")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        convert("WQ-2023-9999", "{\"to\": \"RESERVE\"}").then().statusCode(404);

        assertEquals(before, db.traces(code), "no history and no event for refused conversions");
        given().when().get("/api/v1/projects/" + code).then().body("pool", equalTo("PLANNING"));
    }

    @Test
    void aSkipWithAReasonAndAStartDateEntersBuilding() {
        String code = SampleProjects.register(SampleProjects.inPool("RESERVE", 2023, "50000.00", "20000.00"));
        convert(
                        code,
                        "{\"to\": \"BUILDING\", \"reason\": \"市重点项目提前开工\", \"startDate\": \"2023-05-08\", \"date\": \"2023-05-08\"}")
                .then()
                .statusCode(201);
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .body("pool", equalTo("BUILDING"))
                .body("actualStart", equalTo("2023-05-08"))
                .body("poolReason", equalTo("市重点项目提前开工"));
    }

    private static Response convert(String code, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/projects/" + code + "/conversions");
    }
}
