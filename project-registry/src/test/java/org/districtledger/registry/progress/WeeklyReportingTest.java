package org.districtledger.registry.progress;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.districtledger.registry.Database;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a task force sends every week: progress, permits, milestones and problems, and the history they leave. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
class WeeklyReportingTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void weeklyReportsAddUpAndACorrectionReplacesTheWeekButKeepsTheOldReport() {
        String code = SampleProjects.register(SampleProjects.inPool("BUILDING", 2023, "80000.00", "30000.00"));
        report(code, "2023-W17", "1200.50", 10)
                .then()
                .statusCode(201)
                .body("cumulativeInvestmentYear", equalTo(1200.50f))
                .body("revision", equalTo(1));
        report(code, "2023-W18", "800.25", 15)
                .then()
                .statusCode(201)
                .body("cumulativeInvestmentYear", equalTo(2000.75f));
        report(code, "2023-W17", "1000.00", 12)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("cumulativeInvestmentYear", equalTo(1000.00f));

        given().when()
                .get("/api/v1/projects/" + code + "/progress")
                .then()
                .statusCode(200)
                .body("isoWeek", contains("2023-W17", "2023-W18"))
                .body("cumulativeInvestment", contains(1000.00f, 1800.25f));
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .body("investmentCompletedPlanYear", equalTo(1800.25f))
                .body("investmentCompletedTotal", equalTo(1800.25f))
                .body("lastReportedWeek", equalTo("2023-W18"))
                .body("imageProgressPercent", equalTo(15));
        Database db = new Database(dataSource);
        assertEquals(
                "1200.50",
                db.text(
                        "SELECT r.investment_completed::text FROM progress_report_revision r "
                                + "JOIN project p ON p.id = r.project_id WHERE p.code = ? AND r.iso_week = '2023-W17'",
                        code),
                "the corrected report is kept");
    }

    @Test
    void aReportThatIsWrongIsRefusedAndTheServerOwnsTheCumulativeFigures() {
        Database db = new Database(dataSource);
        String code = SampleProjects.register(SampleProjects.inPool("BUILDING", 2023, "80000.00", "30000.00"));
        long before = db.traces(code);
        report(code, "2023-W53", "1.00", 1).then().statusCode(400).body("errors.field", hasItem("isoWeek"));
        report(code, "2023-18", "1.00", 1).then().statusCode(400).body("errors.field", hasItem("isoWeek"));
        report(code, "2023-W20", "-5", 1).then().statusCode(400).body("errors.field", hasItem("investmentCompleted"));
        report(code, "2023-W20", "5.001", 1)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("investmentCompleted"));
        report(code, "2023-W20", "5.00", 101)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("imageProgressPercent"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"investmentCompleted\": 5, \"imageProgressPercent\": 5, \"siteStatus\": \"STARTED\", \"cumulativeInvestment\": 99999}")
                .when()
                .put("/api/v1/projects/" + code + "/progress/2023-W20")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cumulativeInvestment"));
        assertEquals(before, db.traces(code));
    }

    @Test
    void permitsMilestonesAndProblemsAreRecordedWithTheirHistory() {
        String code = SampleProjects.register(SampleProjects.preparingSchool(4242));
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"DONE\"}")
                .when()
                .put("/api/v1/projects/" + code + "/procedures/CONSTRUCTION_PERMIT")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("doneDate"));
        given().contentType(ContentType.JSON)
                .body("{\"status\": \"DONE\"}")
                .when()
                .put("/api/v1/projects/" + code + "/procedures/BUILDING_LICENCE")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("type"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"status\": \"DONE\", \"doneDate\": \"2023-04-03\", \"authority\": \"区行政审批局\", \"approvalNumber\": \"津武审批施〔2023〕17号\"}")
                .when()
                .put("/api/v1/projects/" + code + "/procedures/CONSTRUCTION_PERMIT")
                .then()
                .statusCode(200)
                .body("label", equalTo("施工许可证"));
        given().when()
                .get("/api/v1/projects/" + code + "/procedures")
                .then()
                .body("$", hasSize(8))
                .body("find { it.type == 'CONSTRUCTION_PERMIT' }.status", equalTo("DONE"))
                .body("find { it.type == 'LAND_CERTIFICATE' }.status", equalTo("NOT_STARTED"));

        milestone(code, "COMPLETED", "2023-04-20").then().statusCode(409);
        milestone(code, "SITE_ENTERED", "2023-04-10").then().statusCode(201);
        milestone(code, "STARTED", "2023-04-05").then().statusCode(400).body("errors.field", hasItem("date"));
        milestone(code, "STARTED", "2023-04-18").then().statusCode(201).body("pool", equalTo("BUILDING"));
        given().when()
                .get("/api/v1/projects/" + code)
                .then()
                .body("pool", equalTo("BUILDING"))
                .body("actualStart", equalTo("2023-04-18"));

        int problem = given().contentType(ContentType.JSON)
                .body("{\"title\": \"施工用电接入\", \"department\": \"区供电公司\", \"raisedOn\": \"2023-04-20\"}")
                .when()
                .post("/api/v1/projects/" + code + "/problems")
                .then()
                .statusCode(201)
                .body("open", equalTo(true))
                .extract()
                .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"note\": \"已接入临时用电\", \"resolvedOn\": \"2023-05-06\"}")
                .when()
                .post("/api/v1/problems/" + problem + "/resolution")
                .then()
                .statusCode(200)
                .body("open", equalTo(false));
        given().contentType(ContentType.JSON)
                .body("{\"note\": \"again\"}")
                .when()
                .post("/api/v1/problems/" + problem + "/resolution")
                .then()
                .statusCode(409);

        given().when()
                .get("/api/v1/projects/" + code + "/history")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        contains(
                                "ledger.project.registered.v1",
                                "ledger.project.procedure-updated.v1",
                                "ledger.project.milestone-reached.v1",
                                "ledger.project.milestone-reached.v1",
                                "ledger.project.converted.v1",
                                "ledger.project.problem-raised.v1",
                                "ledger.project.problem-resolved.v1"))
                .body("sequence", contains(1, 2, 3, 4, 5, 6, 7))
                .body("[4].before.pool", equalTo("PREPARING"))
                .body("[4].after.pool", equalTo("BUILDING"))
                .body("[6].actor", equalTo("office"));
    }

    private static Response report(String code, String week, String amount, int percent) {
        return given().contentType(ContentType.JSON)
                .body("{\"investmentCompleted\": " + amount + ", \"imageProgressPercent\": " + percent
                        + ", \"imageProgressNote\": \"主体结构施工\", \"siteStatus\": \"STARTED\"}")
                .when()
                .put("/api/v1/projects/" + code + "/progress/" + week);
    }

    private static Response milestone(String code, String type, String date) {
        return given().contentType(ContentType.JSON)
                .body("{\"type\": \"" + type + "\", \"date\": \"" + date + "\"}")
                .when()
                .post("/api/v1/projects/" + code + "/milestones");
    }
}
