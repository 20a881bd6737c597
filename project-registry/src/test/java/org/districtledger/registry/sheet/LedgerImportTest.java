package org.districtledger.registry.sheet;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.districtledger.registry.Database;
import org.districtledger.registry.RegistryInfrastructure;
import org.districtledger.sheet.LedgerColumns;
import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetReader;
import org.districtledger.sheet.LedgerSheetWriter;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample ledger in, its figures out of the summary, the ledger back out, and bad files refused. */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(RegistryInfrastructure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AgroalDataSource dataSource;

    @Test
    @Order(1)
    void theSampleLedgerImportsAndTheSummaryGivesTheReportsFigures() throws IOException {
        JsonPath before = summary();
        byte[] csv = sample("wuqing-2023-ledger.csv");
        given().contentType("text/csv")
                .body(csv)
                .queryParam("dryRun", true)
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(432))
                .body("dryRun", equalTo(true));
        assertEquals(before.getInt("projects.count"), summary().getInt("projects.count"), "a dry run writes nothing");

        String location = startImport(csv, "text/csv");
        // a second click while it runs is refused: two imports at once would create the projects twice
        given().contentType("text/csv")
                .body(csv)
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("import"))
                .body("detail", containsString("running"));
        JsonPath job = awaitImport(location, csv);
        assertEquals(432, job.getInt("created"));
        JsonPath after = summary();
        assertDelta(before, after, "projects.count", 432);
        assertDelta(before, after, "underConstructionAndNewStarts.count", 346);
        assertDelta(before, after, "underConstructionAndNewStarts.annualPlanInvestment", "3385000.00");
        assertDelta(before, after, "planning.count", 86);
        assertDelta(before, after, "planning.annualPlanInvestment", "1173000.00");
        assertDelta(before, after, "cityKeyProjects.count", 78);
        assertDelta(before, after, "cityKeyProjects.totalInvestment", "22025000.00");
        assertDelta(before, after, "byCityCategory.KEY_CONSTRUCTION.count", 59);
        assertDelta(before, after, "byCityCategory.KEY_CONSTRUCTION.totalInvestment", "17251000.00");
        assertDelta(before, after, "byCityCategory.KEY_CONSTRUCTION.annualPlanInvestment", "1274000.00");
        assertDelta(before, after, "byCityCategory.KEY_RESERVE.count", 5);
        assertDelta(before, after, "byCityCategory.KEY_RESERVE.totalInvestment", "2512000.00");
        assertDelta(before, after, "byCityCategory.KEY_PLANNING.count", 14);
        assertDelta(before, after, "byCityCategory.KEY_PLANNING.totalInvestment", "2262000.00");
        assertDelta(before, after, "annualPlanOver100Million.count", 109);
        assertDelta(before, after, "keyConversionOver1Billion.count", 15);
    }

    @Test
    @Order(2)
    void theWorkbookIsTheSameLedgerAndReimportingChangesNothing() throws IOException {
        Database db = new Database(dataSource);
        long events = db.count("SELECT count(*) FROM outbox_event");
        given().contentType(XLSX)
                .body(sample("wuqing-2023-ledger.xlsx"))
                .queryParam("dryRun", true)
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(432));
        JsonPath again = runImport(sample("wuqing-2023-ledger.csv"), "text/csv");
        assertEquals(
                List.of(0, 0, 432),
                List.of(again.getInt("created"), again.getInt("updated"), again.getInt("unchanged")));
        assertEquals(events, db.count("SELECT count(*) FROM outbox_event"), "no change, no event");
    }

    @Test
    @Order(3)
    void exportThenImportChangesNothing() throws IOException {
        byte[] exported = given().queryParam("q", "")
                .when()
                .get("/api/v1/exports/ledger.xlsx")
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();
        LedgerSheetReader.Result read = LedgerSheetReader.read(exported);
        assertTrue(read.ok(), read.errors().toString());
        assertTrue(read.rows().size() >= 432);
        assertTrue(
                read.rows().stream().allMatch(r -> r.code() != null && r.code().startsWith("WQ-")),
                "the export carries the ledger codes");
        JsonPath job = runImport(exported, XLSX);
        assertEquals(0, job.getInt("created"));
        assertEquals(0, job.getInt("updated"));
        assertEquals(read.rows().size(), job.getInt("unchanged"));

        byte[] filtered = given().queryParam("pool", "PLANNING")
                .queryParam("cityCategory", "KEY_PLANNING")
                .when()
                .get("/api/v1/exports/ledger.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals(14, LedgerSheetReader.read(filtered).rows().size(), "the export takes the filters of the list");
    }

    @Test
    @Order(4)
    void badFilesAreRefusedWithTheirErrorsAndLeaveTheLedgerUntouched() throws IOException {
        Database db = new Database(dataSource);
        long projects = db.count("SELECT count(*) FROM project");
        List<LedgerRow> rows = new ArrayList<>(
                        LedgerSheetReader.read(sample("wuqing-2023-ledger.csv")).rows())
                .subList(0, 5);

        String csv = new String(sample("wuqing-2023-ledger.csv"), StandardCharsets.UTF_8);
        refused(csv.replace("项目名称", "工程名称").getBytes(StandardCharsets.UTF_8), "text/csv", "工程名称", "未知的表头");
        refused(csv.replace(",项目名称", "").getBytes(StandardCharsets.UTF_8), "text/csv", "项目名称", "缺少表头");
        String[] lines = csv.split("\n");
        lines[3] = lines[3].replaceFirst(",(\\d+\\.00),(\\d+\\.00),", ",一千万,$2,");
        Response textInMoney = refused(
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), "text/csv", LedgerColumns.TOTAL, "金额列中是文字");
        textInMoney.then().body("rows[0].row", equalTo(4)).body("rows[0].reasonEn", containsString("money column"));

        List<LedgerRow> twice = new ArrayList<>(rows);
        twice.add(rows.get(0));
        refused(csvOf(twice), "text/csv", LedgerColumns.NATIONAL_CODE, "与第2行重复");
        refused(titleRow(rows), XLSX, "", "合并单元格的标题行");
        refused(emptySheet(), XLSX, "", "工作表为空");
        refused(
                new byte[] {0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, (byte) 0xff, (byte) 0xfe, 0x00},
                "application/octet-stream",
                "",
                "不是电子表格文件");
        refused(csv.replace("建设库", "建筑库").getBytes(StandardCharsets.UTF_8), "text/csv", LedgerColumns.POOL, "不是可选值");
        given().contentType("text/csv")
                .body(new byte[11 * 1024 * 1024])
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        assertEquals(projects, db.count("SELECT count(*) FROM project"), "no bad file imported anything");
    }

    private static Response refused(byte[] file, String type, String column, String reason) {
        Response response = given().contentType(type).body(file).when().post("/api/v1/imports");
        response.then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("rows.column", hasItem(column))
                .body("rows.reason", hasItem(containsString(reason)));
        return response;
    }

    private static JsonPath runImport(byte[] file, String type) {
        return awaitImport(startImport(file, type), file);
    }

    private static String startImport(byte[] file, String type) {
        return given().contentType(type)
                .body(file)
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(202)
                .body("rowsTotal", equalTo(LedgerSheetReader.read(file).rows().size()))
                .extract()
                .header("Location");
    }

    private static JsonPath awaitImport(String location, byte[] file) {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> !"RUNNING".equals(given().get(location).path("status")));
        return given().get(location)
                .then()
                .body("status", equalTo("DONE"))
                .body("rowsDone", equalTo(LedgerSheetReader.read(file).rows().size()))
                .body("errors.size()", equalTo(0))
                .extract()
                .jsonPath();
    }

    private static JsonPath summary() {
        // money read as exact decimals: as floats, millions lose their cents
        return given().queryParam("year", 2023)
                .when()
                .get("/api/v1/ledger/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void assertDelta(JsonPath before, JsonPath after, String path, Object delta) {
        if (delta instanceof Integer count) {
            assertEquals(count, after.getInt(path) - before.getInt(path), path);
        } else {
            BigDecimal difference =
                    new BigDecimal(after.getString(path)).subtract(new BigDecimal(before.getString(path)));
            assertEquals(0, new BigDecimal((String) delta).compareTo(difference), path + ": " + difference);
        }
    }

    static byte[] sample(String file) throws IOException {
        try (InputStream in = LedgerImportTest.class.getResourceAsStream("/sample/" + file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] csvOf(List<LedgerRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LedgerSheetWriter.writeCsv(rows, out);
        return out.toByteArray();
    }

    private static byte[] titleRow(List<LedgerRow> rows) throws IOException {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        LedgerSheetWriter.writeXlsx(rows, plain);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(plain.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            sheet.shiftRows(0, sheet.getLastRowNum(), 1);
            sheet.createRow(0).createCell(0).setCellValue("2023年武清区重点项目台账");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 10));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] emptySheet() throws IOException {
        try (var workbook = new XSSFWorkbook()) {
            workbook.createSheet("项目台账");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
