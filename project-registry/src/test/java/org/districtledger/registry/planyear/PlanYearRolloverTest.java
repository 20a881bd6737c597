package org.districtledger.registry.planyear;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.districtledger.registry.SampleProjects;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.districtledger.registry.SampleProjects.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The year-end rollover (年度结转) of a small 2023 ledger into 2024: a building project with reports in both years, a
 * preparing one that has not started, a completed one, a reserve one and a cancelled one. The plan sheet lists the
 * three to carry; a wrong sheet or another year is refused with every reason and changes nothing; the dry run tells
 * what the rollover does; the rollover carries them with their new plans and keeps 2023's summary and ledger exactly
 * as they were, and 2023's plans can no longer change.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(PlanYearInfrastructure.class)
class PlanYearRolloverTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void closingTwentyTwentyThreeCarriesItsUnfinishedProjectsAndKeepsItAsItWas() throws IOException {
        // over 1亿元 a year: an accountability project; reports in 2023 (W10) and in 2024's first week
        String building = register(SampleProjects.inPool("BUILDING", 2023, "50000.00", "12000.00"));
        report(building, "2023-W10", "500.00");
        report(building, "2024-W01", "100.00");
        String preparing = register(SampleProjects.inPool("PREPARING", 2023, "8000.00", "3000.00"));
        String completed = register(SampleProjects.inPool("BUILDING", 2023, "2000.00", "1500.00"));
        post("/api/v1/projects/" + completed + "/milestones", "{\"type\": \"COMPLETED\", \"date\": \"2023-11-30\"}");
        String reserve = register(SampleProjects.inPool("RESERVE", 2023, "30000.00", "0.00"));
        String cancelled = register(SampleProjects.inPool("PLANNING", 2023, "900.00", "100.00"));
        post("/api/v1/projects/" + cancelled + "/conversions", "{\"to\": \"CANCELLED\", \"reason\": \"选址不具备条件\"}");

        given().when()
                .get("/api/v1/plan-years")
                .then()
                .statusCode(200)
                .body("year", contains(2023))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].projects", equalTo(5));
        String summary = summary("");
        String midYear = summary("&asOf=2023-06-30");
        byte[] template = given().when()
                .get("/api/v1/plan-years/2023/plan-sheet.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals(List.of(building, preparing, reserve), codes(template), "the unfinished ones, by code");

        // another year than the open one: refused
        rollover(2022, false, template)
                .statusCode(409)
                .body("errors.field", contains("year"))
                .body("errors.reason", contains(containsString("2023")));
        // a sheet with an unknown project, a completed one, a negative plan, a blank one and a preparing project
        // still planned to start in 2023: every reason at once, nothing changed
        byte[] wrong = without(
                filled(template, Map.of(building, new String[] {null, "-5"}, preparing, new String[] {null, null})),
                reserve);
        wrong = appended(wrong, "WQ-2023-9999", "100");
        wrong = appended(wrong, completed, "100");
        JsonPath refused = rollover(2023, false, wrong)
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        List<String> fields = refused.getList("errors.field");
        assertEquals(
                List.of(
                        "rows[2].annualPlanInvestment",
                        "rows[3].annualPlanInvestment",
                        "rows[4].code",
                        "rows[5].code",
                        "rows"),
                fields,
                refused.prettify());
        assertEquals(
                List.of(
                        "第 2 行（" + building + "）：年度计划投资不能为负 / must not be negative",
                        "第 3 行（" + preparing + "）：未填 2024 年度计划投资 / required",
                        "第 4 行（WQ-2023-9999）：台账编号不在台账上 / not a project on the ledger",
                        "第 5 行（" + completed + "）：项目不结转（已竣工，计划年度 2023） / not carried over from 2023",
                        "缺少 " + reserve + "（京津产业新城核心区科创CBD）的 2024 年度计划 / the project to carry over has no row"),
                refused.getList("errors.reason"));
        JsonPath preparingStillIn2023 = rollover(
                        2023,
                        false,
                        filled(
                                template,
                                Map.of(
                                        building, new String[] {null, "15000"},
                                        preparing, new String[] {null, "4000"},
                                        reserve, new String[] {null, "0"})))
                .statusCode(400)
                .extract()
                .jsonPath();
        assertEquals(List.of("rows[3].plannedStart"), preparingStillIn2023.getList("errors.field"));

        byte[] good = filled(
                template,
                Map.of(
                        building, new String[] {null, "15000", "主体结构完工"},
                        preparing, new String[] {"2024-04-01", "4000.5"},
                        reserve, new String[] {null, "0"}));
        rollover(2023, true, good)
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("carriedOver", equalTo(3))
                .body("staying", equalTo(2))
                .body("nextAnnualPlanInvestment", equalTo(19000.50f))
                .body("accountability.required", equalTo(1))
                .body("accountability.toAssign", contains(building))
                .body("projects.find { it.code == '" + preparing + "' }.plannedStart", equalTo("2024-04-01"));
        given().when().get("/api/v1/projects/" + building).then().body("planYear", equalTo(2023));
        given().when().get("/api/v1/plan-years").then().body("year", contains(2023));

        rollover(2023, false, good).statusCode(200).body("dryRun", equalTo(false));

        given().when()
                .get("/api/v1/plan-years")
                .then()
                .body("year", contains(2024, 2023))
                .body("status", contains("OPEN", "CLOSED"))
                .body("[0].projects", equalTo(3))
                .body("[0].annualPlanInvestment", equalTo(19000.50f))
                .body("[1].projects", equalTo(5))
                .body("[1].closedBy", equalTo("office"));
        assertEquals(summary, summary(""), "2023's summary as it was");
        assertEquals(midYear, summary("&asOf=2023-06-30"), "2023's summary of 30 June as it was");
        given().when()
                .get("/api/v1/projects/" + building)
                .then()
                .body("planYear", equalTo(2024))
                .body("annualPlanInvestment", equalTo(15000.00f))
                .body("investmentCompletedPlanYear", equalTo(100.00f))
                .body("investmentCompletedTotal", equalTo(600.00f));
        given().when()
                .get("/api/v1/projects/" + building + "/year-plans")
                .then()
                .statusCode(200)
                .body("planYear", contains(2023, 2024))
                .body("annualPlanInvestment", contains(12000.00f, 15000.00f))
                .body("annualTarget", contains(null, "主体结构完工"))
                .body("carriedOver", contains(false, true));
        given().when().get("/api/v1/projects/" + preparing).then().body("plannedStart", equalTo("2024-04-01"));
        given().when().get("/api/v1/projects/" + completed).then().body("planYear", equalTo(2023));
        given().when()
                .get("/api/v1/projects/" + building + "/history")
                .then()
                .body("action", hasItem("ledger.project.updated.v2"))
                .body("find { it.action == 'ledger.project.updated.v2' }.before.planYear", equalTo(2023))
                .body("find { it.action == 'ledger.project.updated.v2' }.after.planYear", equalTo(2024));
        given().queryParam("year", 2024)
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .body("projects.count", equalTo(3))
                .body("projects.annualPlanInvestment", equalTo(19000.50f));
        // open data: 2023's file keeps the carried-over projects, each with its plan of every year
        given().when()
                .get("/api/v1/exports/oc4ids-2023.json")
                .then()
                .statusCode(200)
                .body("projects.size()", equalTo(5))
                .body(
                        "projects.find { it.id.endsWith('" + building + "') }.budget.budgetBreakdown.id",
                        contains("annual-plan-2023", "annual-plan-2024"));
        given().when().get("/api/v1/exports/oc4ids-2024.json").then().body("projects.size()", equalTo(3));
        byte[] closedLedger = given().when()
                .get("/api/v1/plan-years/2023/ledger.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(closedLedger))) {
            assertEquals(6, book.getSheetAt(0).getPhysicalNumberOfRows(), "a header and 2023's five projects");
        }

        // 2023 is closed: its plans do not change, no project joins it, it is not rolled over twice
        given().contentType("application/merge-patch+json")
                .header(
                        "If-Match",
                        given().get("/api/v1/projects/" + completed)
                                .then()
                                .extract()
                                .header("ETag"))
                .body("{\"annualPlanInvestment\": 1400.00}")
                .when()
                .patch("/api/v1/projects/" + completed)
                .then()
                .statusCode(409)
                .body("errors.field", contains("annualPlanInvestment"));
        given().contentType(ContentType.JSON)
                .body(SampleProjects.inPool("RESERVE", 2023, "100.00", "0.00"))
                .when()
                .post("/api/v1/projects")
                .then()
                .statusCode(409)
                .body("errors.field", contains("planYear"));
        rollover(2023, true, good).statusCode(409).body("errors.field", contains("year"));
        given().queryParam("year", 2023)
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .body("projects.count", equalTo(4))
                .body("byPool.COMPLETED.count", equalTo(1));
    }

    private static ValidatableResponse rollover(int year, boolean dryRun, byte[] sheet) {
        return given().contentType(XLSX)
                .queryParam("dryRun", dryRun)
                .body(sheet)
                .when()
                .post("/api/v1/plan-years/" + year + "/rollover")
                .then();
    }

    private static String summary(String asOf) {
        return given().when()
                .get("/api/v1/ledger/summary?year=2023" + asOf)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void report(String code, String week, String amount) {
        given().contentType(ContentType.JSON)
                .body("{\"investmentCompleted\": " + amount
                        + ", \"imageProgressPercent\": 40, \"siteStatus\": \"STARTED\"}")
                .when()
                .put("/api/v1/projects/" + code + "/progress/" + week)
                .then()
                .statusCode(oneOf(200, 201));
    }

    private static void post(String path, String body) {
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201);
    }

    private static List<String> codes(byte[] sheet) throws IOException {
        List<String> codes = new ArrayList<>();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet rows = book.getSheetAt(0);
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                codes.add(rows.getRow(r).getCell(0).getStringCellValue());
            }
        }
        return codes;
    }

    /** The template with, for each code, a planned start (or null to leave it), next year's plan and target. */
    private static byte[] filled(byte[] template, Map<String, String[]> plans) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet rows = book.getSheetAt(0);
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                Row row = rows.getRow(r);
                String[] plan = plans.get(row.getCell(0).getStringCellValue());
                if (plan == null) {
                    continue;
                }
                if (plan[0] != null) {
                    row.createCell(7).setCellValue(plan[0]);
                }
                if (plan[1] != null) {
                    row.createCell(8).setCellValue(Double.parseDouble(plan[1]));
                }
                if (plan.length > 2) {
                    row.createCell(9).setCellValue(plan[2]);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] without(byte[] sheet, String code) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet rows = book.getSheetAt(0);
            for (int r = 1; r <= rows.getLastRowNum(); r++) {
                if (code.equals(rows.getRow(r).getCell(0).getStringCellValue())) {
                    rows.removeRow(rows.getRow(r));
                    break;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] appended(byte[] sheet, String code, String plan) throws IOException {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            Sheet rows = book.getSheetAt(0);
            Row row = rows.createRow(rows.getLastRowNum() + 1);
            row.createCell(0).setCellValue(code);
            row.createCell(8).setCellValue(Double.parseDouble(plan));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
