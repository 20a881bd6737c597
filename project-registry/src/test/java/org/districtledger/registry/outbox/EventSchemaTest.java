package org.districtledger.registry.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.Events;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.districtledger.testsupport.EventContract;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every event type the registry emits, checked against the JSON Schema that its AsyncAPI document names. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class EventSchemaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyEmittedEventPassesItsSchema() throws Exception {
        String code = SampleProjects.register(SampleProjects.preparingSchool(7007));
        String etag =
                given().when().get("/api/v1/projects/" + code).then().extract().header("ETag");
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .header("If-Match", etag)
                .body("{\"town\": \"下朱庄街道\"}")
                .when()
                .patch("/api/v1/projects/" + code)
                .then()
                .statusCode(200);
        send(
                "PUT",
                code + "/procedures/PROJECT_APPROVAL",
                "{\"status\": \"DONE\", \"doneDate\": \"2023-02-10\", \"approvalNumber\": \"武审批〔2023〕5号\"}",
                200);
        send("POST", code + "/milestones", "{\"type\": \"SITE_ENTERED\", \"date\": \"2023-04-10\"}", 201);
        send("POST", code + "/milestones", "{\"type\": \"STARTED\", \"date\": \"2023-04-16\"}", 201);
        send(
                "PUT",
                code + "/progress/2023-W17",
                "{\"investmentCompleted\": 350.00, \"imageProgressPercent\": 3, \"siteStatus\": \"STARTED\"}",
                201);
        int problem = given().contentType(ContentType.JSON)
                .body("{\"title\": \"围挡审批\", \"department\": \"区城管委\"}")
                .when()
                .post("/api/v1/projects/" + code + "/problems")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"note\": \"已批复\"}")
                .when()
                .post("/api/v1/problems/" + problem + "/resolution")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"body\": \"城管委已现场办公\"}")
                .when()
                .post("/api/v1/problems/" + problem + "/comments")
                .then()
                .statusCode(201);
        given().contentType("image/png")
                .body(SampleProjects.photo(800, 600))
                .when()
                .post("/api/v1/projects/" + code + "/photos?week=2023-W17")
                .then()
                .statusCode(201);

        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new TreeSet<>();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
                Events events = Events.of(kafka)) {
            List<ConsumerRecord<String, String>> records = events.await(code, 11);
            // an edit names each field's old and new value: what a statistics or supervision consumer reads
            JsonNode registered = json.readTree(records.get(0).value());
            JsonNode edited = json.readTree(records.get(1).value());
            assertEquals("ledger.project.updated.v2", Events.header(records.get(1), "ce_type"));
            assertEquals("[\"town\"]", edited.at("/change/fields").toString());
            assertEquals(registered.at("/project/town"), edited.at("/change/values/town/old"));
            assertEquals("下朱庄街道", edited.at("/change/values/town/new").asText());
            for (ConsumerRecord<String, String> record : records) {
                String type = Events.header(record, "ce_type");
                seen.add(type);
                JsonSchema schema = EventContract.schema(type);
                JsonNode body = json.readTree(record.value());
                Set<ValidationMessage> errors = schema.validate(body);
                assertTrue(errors.isEmpty(), type + " does not pass its schema: " + errors + "\n" + record.value());

                ObjectNode broken = (ObjectNode) body.deepCopy();
                ((ObjectNode) broken.get("project")).put("pool", "NOWHERE");
                assertTrue(!schema.validate(broken).isEmpty(), "the schema of " + type + " catches a wrong pool");
            }
        }
        Set<String> all = Arrays.stream(ProjectEventType.values())
                .filter(ProjectEventType::written)
                .map(ProjectEventType::cloudEventType)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(all, seen, "every event type the registry writes was emitted and checked");
    }

    @Test
    void theAsyncApiDocumentAndTheSchemasAreServed() {
        var document = given().when()
                .get("/asyncapi/asyncapi.yaml")
                .then()
                .statusCode(200)
                .body(containsString("asyncapi: 3.0.0"));
        for (ProjectEventType type : ProjectEventType.values()) {
            document.body(containsString("schemas/" + type.cloudEventType() + ".json"));
            given().when()
                    .get("/asyncapi/schemas/" + type.cloudEventType() + ".json")
                    .then()
                    .statusCode(200);
        }
        given().when().get("/asyncapi/schemas/project.v1.json").then().statusCode(200);
    }

    private static void send(String method, String path, String body, int status) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .request(method, "/api/v1/projects/" + path)
                .then()
                .statusCode(status);
    }
}
