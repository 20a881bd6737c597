package org.districtledger.registry.project;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class ProjectResourceTest {

    static final String PREPARING_PROJECT = SampleProjects.PREPARING_SCHOOL;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRegisteredProjectIsStoredWithItsCodeAndExactMoney() throws SQLException {
        String code = given().contentType(ContentType.JSON)
                .body(PREPARING_PROJECT)
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/projects/WQ-2023-"))
                .header("ETag", notNullValue())
                .body("code", matchesPattern("WQ-2023-\\d{4}"))
                .body("pool", equalTo("PREPARING"))
                .body("sequence", equalTo(1))
                .extract()
                .path("code");

        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT name, annual_plan_investment::text, pool FROM project WHERE code = ?")) {
            query.setString(1, code);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the project is in the registry's database");
                assertEquals("杨村第四小学", row.getString(1));
                assertEquals("12000.50", row.getString(2));
                assertEquals("PREPARING", row.getString(3));
            }
        }
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("name", equalTo("杨村第四小学"))
                .body("annualPlanInvestment", equalTo(12000.50f));
        given().queryParam("pool", "PREPARING")
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items.code", hasItem(code));
    }

    @Test
    void aKeyConversionProjectKeepsItsConversionTarget() {
        String code = given().contentType(ContentType.JSON)
                .body(
                        SampleProjects.preparingSchool(7100)
                                .replace(
                                        "\"planYear\"",
                                        "\"keyConversion\": true, \"conversionTargetPool\": \"BUILDING\", \"conversionTargetDate\": \"2023-10-31\", \"planYear\""))
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .statusCode(200)
                .body("keyConversion", equalTo(true))
                .body("conversionTargetPool", equalTo("BUILDING"))
                .body("conversionTargetDate", equalTo("2023-10-31"));
    }

    @Test
    void anUnknownProjectIsAProblemNotFound() {
        given().when()
                .get("/api/v1/projects/WQ-1999-9999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsWritten() throws SQLException {
        long before = projectCount();
        assertRefused(
                PREPARING_PROJECT.replace("\"planYear\"", "\"colour\": \"red\", \"planYear\""),
                "colour",
                "unknown field");
        assertRefused(PREPARING_PROJECT.replace("28000.00", "28000.005"), "totalInvestment", "");
        assertRefused(PREPARING_PROJECT.replace("28000.00", "-1"), "totalInvestment", "");
        assertRefused(PREPARING_PROJECT.replace("28000.00", "\"lots\""), "totalInvestment", "");
        assertRefused(PREPARING_PROJECT.replace("杨村第四小学", "校".repeat(10_000)), "name", "");
        assertRefused(PREPARING_PROJECT.replace("\"PREPARING\"", "\"SOMEWHERE\""), "pool", "");
        assertRefused(
                PREPARING_PROJECT.replace("2023-120114-83-01-000001", "2023-12"),
                "nationalCode",
                "YYYY-RRRRRR-DD-TT-NNNNNN");
        assertRefused(PREPARING_PROJECT.replace("2024-08-31", "2022-08-31"), "plannedCompletion", "plannedStart");
        assertRefused(
                PREPARING_PROJECT.replace("2023-04-15", "2024-04-15").replace("2024-08-31", "2025-08-31"),
                "plannedStart",
                "plan year");
        assertRefused(PREPARING_PROJECT.replace("\"PREPARING\"", "\"BUILDING\""), "actualStart", "");
        assertRefused(PREPARING_PROJECT.replace("12000.50", "99999"), "annualPlanInvestment", "");
        assertRefused(
                PREPARING_PROJECT.replace(
                        "\"planYear\"",
                        "\"conversionTargetPool\": \"BUILDING\", \"conversionTargetDate\": \"2023-10-31\", \"planYear\""),
                "conversionTargetPool",
                "key conversion");
        assertRefused(
                PREPARING_PROJECT.replace(
                        "\"planYear\"",
                        "\"keyConversion\": true, \"conversionTargetPool\": \"BUILDING\", \"planYear\""),
                "conversionTargetDate",
                "required with conversionTargetPool");
        assertRefused(
                PREPARING_PROJECT.replace(
                        "\"planYear\"",
                        "\"keyConversion\": true, \"conversionTargetPool\": \"PLANNING\", \"conversionTargetDate\": \"2023-10-31\", \"planYear\""),
                "conversionTargetPool",
                "RESERVE, PREPARING, BUILDING");
        assertRefused("{\"name\": ", "body", "malformed");
        // text PostgreSQL cannot store: a NUL character in the body, a query or a path
        assertRefused(PREPARING_PROJECT.replace("杨村第四小学", "杨村\\u0000小学"), "name", "NUL");
        assertRefused(
                PREPARING_PROJECT.replace("\"ownerUnit\": \"区教育局\"", "\"ownerUnit\": \"区\\u0000教育局\""),
                "ownerUnit",
                "NUL");
        given().queryParam("q", "小学\0")
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("q"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/projects/WQ-2023-%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("code"));
        given().queryParam("page", Integer.MAX_VALUE)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("page"));
        given().queryParam("size", 1_000_000)
                .when()
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        assertEquals(before, projectCount(), "no refused request wrote a project");
    }

    private static void assertRefused(String body, String field, String reasonPart) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("detail", containsString(reasonPart));
    }

    private long projectCount() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM project")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
