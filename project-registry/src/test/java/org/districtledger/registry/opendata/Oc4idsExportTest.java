package org.districtledger.registry.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The open-data export validates against the OC4IDS 0.9.4 schema kept in the repository, says what the ledger says
 * (identifiers, status, budget in yuan, period, location, parties, permits and start as milestones), a plan year's
 * file holds that year's projects only, and nothing a district keeps to itself goes out: no person, no coordination
 * problem, no internal remark.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class Oc4idsExportTest {

    private static final String OC4IDS = "https://standard.open-contracting.org/infrastructure/schema/0__9__4/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theOpenDataPackageValidatesAndSaysWhatTheLedgerSays() throws Exception {
        String school = SampleProjects.register(SampleProjects.preparingSchool(8801));
        String building = SampleProjects.register(SampleProjects.inPool("BUILDING", 2023, "80000.00", "30000.25"));
        String next = SampleProjects.register(SampleProjects.inPool("PLANNING", 2024, "5000.00", "0.00"));
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"DONE\", \"doneDate\": \"2023-02-10\", \"approvalNumber\": \"武审批〔2023〕8号\"}")
                .when()
                .put("/api/v1/projects/" + school + "/procedures/PROJECT_APPROVAL")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"title\": \"征地补偿未谈妥（内部）\", \"department\": \"区规划资源局\"}")
                .when()
                .post("/api/v1/projects/" + building + "/problems")
                .then()
                .statusCode(201);

        String all = given().when()
                .get("/api/v1/exports/oc4ids.json")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("Content-Disposition", containsString("oc4ids.json"))
                .extract()
                .asString();
        JsonNode pack = JSON.readTree(all);
        Set<ValidationMessage> errors = packageSchema().validate(pack);
        assertEquals(Set.of(), errors, "the package passes the OC4IDS schema");
        assertEquals("0.9", pack.get("version").asText());

        JsonNode s = project(pack, school);
        assertEquals("preparation", s.get("status").asText());
        assertEquals("杨村第四小学", s.get("title").asText());
        assertEquals(new BigDecimal("280000000"), s.at("/budget/amount/amount").decimalValue(), "28000 万元 in yuan");
        assertEquals("CNY", s.at("/budget/amount/currency").asText());
        assertEquals(
                new BigDecimal("120005000"),
                s.at("/budget/budgetBreakdown/0/amount/amount").decimalValue(),
                "the annual plan, 12000.50 万元");
        assertEquals("2023-04-15T00:00:00+08:00", s.at("/period/startDate").asText());
        assertEquals("2023-120114-83-01-008801", s.at("/identifiers/1/id").asText());
        assertEquals("区教育局", s.at("/publicAuthority/name").asText());
        assertEquals("杨村街道", s.at("/locations/0/address/locality").asText());
        JsonNode approval = s.get("milestones").get(0);
        assertEquals("approval", approval.get("type").asText());
        assertEquals("met", approval.get("status").asText());
        assertEquals("2023-02-10T00:00:00+08:00", approval.get("dateMet").asText());

        JsonNode b = project(pack, building);
        assertEquals("implementation", b.get("status").asText());
        assertEquals(
                "2022-09-01T00:00:00+08:00",
                b.at("/implementationPeriod/startDate").asText());

        // nothing a district keeps to itself
        assertFalse(all.contains("征地补偿未谈妥"), "no coordination problem");
        assertFalse(all.contains("\"office\""), "no officer's account");
        assertFalse(all.contains("createdBy") || all.contains("updatedBy"), "no who-changed-what");

        // a plan year's file: that year's projects only
        JsonNode year2023 = JSON.readTree(given().when()
                .get("/api/v1/exports/oc4ids-2023.json")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("oc4ids-2023.json"))
                .extract()
                .asString());
        assertEquals(Set.of(), packageSchema().validate(year2023));
        assertTrue(project(year2023, school) != null);
        year2023.get("projects").forEach(p -> assertFalse(p.get("id").asText().endsWith(next), "2024's project"));
        given().when()
                .get("/api/v1/exports/oc4ids-1999.json")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theSchemaCatchesAPackageThatBreaksIt() throws Exception {
        SampleProjects.register(SampleProjects.preparingSchool(8802));
        ObjectNode pack = (ObjectNode) JSON.readTree(given().when()
                .get("/api/v1/exports/oc4ids.json")
                .then()
                .extract()
                .asString());
        ((ObjectNode) pack.get("projects").get(0)).put("status", "building");
        assertFalse(packageSchema().validate(pack).isEmpty(), "status is from the projectStatus codelist");
        pack.remove("version");
        assertTrue(packageSchema().validate(pack).stream()
                .anyMatch(m -> m.getMessage().contains("version")));
    }

    private static JsonNode project(JsonNode pack, String code) {
        for (JsonNode project : pack.get("projects")) {
            if (project.get("id").asText().endsWith("-" + code)) {
                return project;
            }
        }
        return null;
    }

    /** The OC4IDS package schema, its reference to the project schema read from the same folder. */
    private static JsonSchema packageSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(OC4IDS, "classpath:oc4ids/0__9__4/")));
        return factory.getSchema(
                SchemaLocation.of(OC4IDS + "project-package-schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }
}
