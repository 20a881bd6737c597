package org.districtledger.registry.ledger;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The summary of a small ledger whose answers were computed by hand (plan year 2031, used by no other test). */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class LedgerSummaryTest {

    @Test
    void countsAndSumsByPoolCategoryAndSize() {
        // BUILDING, city key construction: total 150000, annual 20000 — over 1亿 annual, over 10亿 total
        register(city(SampleProjects.inPool("BUILDING", 2031, "150000.00", "20000.00"), "KEY_CONSTRUCTION", false));
        // PREPARING: total 8000.50, annual 8000.50
        register(SampleProjects.inPool("PREPARING", 2031, "8000.50", "8000.50"));
        // RESERVE, city key reserve, key conversion: total 120000, annual 10000 (not over 1亿), over 10亿
        register(city(SampleProjects.inPool("RESERVE", 2031, "120000.00", "10000.00"), "KEY_RESERVE", true));
        // PLANNING: total 600, annual 0.01
        register(SampleProjects.inPool("PLANNING", 2031, "600.00", "0.01"));
        // PLANNING, then cancelled: left out of every figure
        String cancelled = register(SampleProjects.inPool("PLANNING", 2031, "99999.00", "9999.00"));
        given().contentType(ContentType.JSON)
                .body("{\"to\": \"CANCELLED\", \"reason\": \"选址不具备条件\"}")
                .when()
                .post("/api/v1/projects/" + cancelled + "/conversions")
                .then()
                .statusCode(201);

        given().queryParam("year", 2031)
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .statusCode(200)
                .body("projects.count", equalTo(4))
                .body("projects.totalInvestment", equalTo(278600.50f))
                .body("projects.annualPlanInvestment", equalTo(38000.51f))
                .body("underConstructionAndNewStarts.count", equalTo(2))
                .body("underConstructionAndNewStarts.annualPlanInvestment", equalTo(28000.50f))
                .body("planning.count", equalTo(2))
                .body("planning.annualPlanInvestment", equalTo(10000.01f))
                .body("byPool.BUILDING.count", equalTo(1))
                .body("byPool.CANCELLED.count", equalTo(0))
                .body("cityKeyProjects.count", equalTo(2))
                .body("cityKeyProjects.totalInvestment", equalTo(270000.00f))
                .body("byCityCategory.KEY_CONSTRUCTION.annualPlanInvestment", equalTo(20000.00f))
                .body("byCityCategory.KEY_RESERVE.totalInvestment", equalTo(120000.00f))
                .body("byCityCategory.KEY_PLANNING.count", equalTo(0))
                .body("annualPlanOver100Million.count", equalTo(1))
                .body("totalOver1Billion.count", equalTo(2))
                .body("keyConversionOver1Billion.count", equalTo(1));
    }

    /** The ledger as it stood on a day: without the projects admitted later, with the pools they were in then. */
    @Test
    void theLedgerAsItStoodOnADay() {
        // in PREPARING since 2019-12-01, started on 2020-03-10
        String started = register(SampleProjects.inPool("PREPARING", 2020, "9000.00", "3000.00")
                .replace("\"planYear\"", "\"poolSince\": \"2019-12-01\", \"planYear\""));
        milestone(started, "SITE_ENTERED", "2020-03-01");
        milestone(started, "STARTED", "2020-03-10");
        // in RESERVE since 2019-11-01, cancelled on 2020-02-01
        String cancelled = register(SampleProjects.inPool("RESERVE", 2020, "50000.00", "1000.00")
                .replace("\"planYear\"", "\"poolSince\": \"2019-11-01\", \"planYear\""));
        given().contentType(ContentType.JSON)
                .body("{\"to\": \"CANCELLED\", \"date\": \"2020-02-01\", \"reason\": \"企业投资意向调整\"}")
                .when()
                .post("/api/v1/projects/" + cancelled + "/conversions")
                .then()
                .statusCode(201);
        // admitted on 2020-04-01
        register(SampleProjects.inPool("PLANNING", 2020, "700.00", "70.00")
                .replace("\"planYear\"", "\"poolSince\": \"2020-04-01\", \"planYear\""));

        given().queryParam("year", 2020)
                .queryParam("asOf", "2020-01-01")
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2020-01-01"))
                .body("projects.count", equalTo(2))
                .body("projects.totalInvestment", equalTo(59000.00f))
                .body("byPool.PREPARING.count", equalTo(1))
                .body("byPool.RESERVE.count", equalTo(1))
                .body("byPool.BUILDING.count", equalTo(0))
                .body("byPool.PLANNING.count", equalTo(0))
                .body("underConstructionAndNewStarts.annualPlanInvestment", equalTo(3000.00f))
                .body("planning.annualPlanInvestment", equalTo(1000.00f));
        given().queryParam("year", 2020)
                .queryParam("asOf", "2020-03-10")
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .body("projects.count", equalTo(1))
                .body("byPool.BUILDING.count", equalTo(1));
        given().queryParam("year", 2020)
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .body("asOf", nullValue())
                .body("projects.count", equalTo(2))
                .body("byPool.BUILDING.count", equalTo(1))
                .body("byPool.PLANNING.count", equalTo(1));

        for (String bad : List.of("yesterday", "2020-02-30", "2019-12-31", "2021-01-01")) {
            given().queryParam("year", 2020)
                    .queryParam("asOf", bad)
                    .when()
                    .get("/api/v1/ledger/summary")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("asOf"));
        }
    }

    private static void milestone(String code, String type, String date) {
        given().contentType(ContentType.JSON)
                .body("{\"type\": \"" + type + "\", \"date\": \"" + date + "\"}")
                .when()
                .post("/api/v1/projects/" + code + "/milestones")
                .then()
                .statusCode(201);
    }

    @Test
    void aYearIsRequired() {
        given().when().get("/api/v1/ledger/summary").then().statusCode(400).body("errors.field", hasItem("year"));
        given().queryParam("year", "twenty")
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .statusCode(400);
    }

    private static String register(String body) {
        return SampleProjects.register(body);
    }

    private static String city(String body, String category, boolean keyConversion) {
        return body.replace(
                "\"planYear\"",
                "\"cityCategory\": \"" + category + "\", \"keyConversion\": " + keyConversion + ", \"planYear\"");
    }
}
