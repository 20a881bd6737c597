package org.districtledger.tracker.weekly;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The weekly view of a small ledger whose answers were computed by hand (town 周报测试镇, plan year 2031), as of
 * 2031-W10 (Monday 03-03 to Sunday 03-09) after the clock has moved on to 03-18: the week shows as it was.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class WeeklyScheduleTest {

    private static final String TOWN = "周报测试镇";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static boolean loaded;

    /** Sends the hand-computed ledger once: the registry's events of March 2031, and one assignment. */
    private void ledger() throws Exception {
        if (loaded) {
            BusinessDate.set("2031-03-18");
            return;
        }
        // week 9 (the clock on Thursday 2031-02-27): B and C, planned to start, and D, an idea, come onto the ledger
        BusinessDate.set("2031-02-27");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            send(kafka, "WQ-2031-0002", 1, "registered", b(Map.of()), Map.of("pool", "PREPARING"));
            send(
                    kafka,
                    "WQ-2031-0002",
                    2,
                    "progress-reported",
                    b(Map.of()),
                    RegistryEvents.weeklyReport("2031-W09", "2031-02-24", "0.00", "0.00", 1));
            send(kafka, "WQ-2031-0003", 1, "registered", c(Map.of()), Map.of("pool", "PREPARING"));
            send(
                    kafka,
                    "WQ-2031-0003",
                    2,
                    "progress-reported",
                    c(Map.of()),
                    RegistryEvents.weeklyReport("2031-W09", "2031-02-24", "0.00", "0.00", 1));
            send(kafka, "WQ-2031-0004", 1, "registered", d(Map.of()), Map.of("pool", "PLANNING"));
            awaitSequences(Map.of("WQ-2031-0002", 2, "WQ-2031-0003", 2, "WQ-2031-0004", 1));
        }
        // week 10 (Tuesday 2031-03-04): A, under construction, comes onto the ledger with its reports of weeks 8 and 9
        BusinessDate.set("2031-03-04");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            send(kafka, "WQ-2031-0001", 1, "registered", a(Map.of()), Map.of("pool", "BUILDING"));
            send(
                    kafka,
                    "WQ-2031-0001",
                    2,
                    "progress-reported",
                    a(Map.of()),
                    RegistryEvents.weeklyReport("2031-W08", "2031-02-17", "3000.00", "3000.00", 1));
            send(
                    kafka,
                    "WQ-2031-0001",
                    3,
                    "progress-reported",
                    a(Map.of()),
                    RegistryEvents.weeklyReport("2031-W09", "2031-02-24", "4000.00", "7000.00", 1));
            awaitSequences(Map.of("WQ-2031-0001", 3));
            given().contentType(ContentType.JSON)
                    .body(
                            "{\"leader\": {\"name\": \"周测试领导\", \"title\": \"副区长\"}, \"taskForce\": {\"name\": \"周报测试专班\","
                                    + " \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"联络员\"}]}}")
                    .when()
                    .put("/api/v1/assignments/WQ-2031-0001")
                    .then()
                    .statusCode(200);
            send(
                    kafka,
                    "WQ-2031-0003",
                    3,
                    "milestone-reached",
                    c(Map.of("actualStart", "2031-03-05", "investmentCompletedPlanYear", new BigDecimal("600.00"))),
                    Map.of("milestone", "STARTED", "date", "2031-03-05"));
            send(
                    kafka,
                    "WQ-2031-0003",
                    4,
                    "converted",
                    c(Map.of(
                            "pool",
                            "BUILDING",
                            "actualStart",
                            "2031-03-05",
                            "poolSince",
                            "2031-03-05",
                            "investmentCompletedPlanYear",
                            new BigDecimal("600.00"))),
                    conversion("PREPARING", "BUILDING", "2031-03-05"));
            send(
                    kafka,
                    "WQ-2031-0004",
                    2,
                    "converted",
                    d(Map.of("pool", "RESERVE", "poolSince", "2031-03-07")),
                    conversion("PLANNING", "RESERVE", "2031-03-07"));
            send(
                    kafka,
                    "WQ-2031-0002",
                    3,
                    "problem-raised",
                    b(Map.of()),
                    Map.of(
                            "problem",
                            Map.of(
                                    "id",
                                    990001,
                                    "projectCode",
                                    "WQ-2031-0002",
                                    "title",
                                    "施工用电接入",
                                    "department",
                                    "区供电公司",
                                    "raisedOn",
                                    "2031-03-06",
                                    "open",
                                    true)));
            send(
                    kafka,
                    "WQ-2031-0001",
                    4,
                    "progress-reported",
                    a(Map.of("lastReportedWeek", "2031-W10", "investmentCompletedPlanYear", new BigDecimal("7500.00"))),
                    RegistryEvents.weeklyReport("2031-W10", "2031-03-03", "500.00", "7500.00", 1));
            awaitSequences(Map.of("WQ-2031-0001", 4, "WQ-2031-0002", 3, "WQ-2031-0003", 4, "WQ-2031-0004", 2));
        }
        BusinessDate.set("2031-03-18");
        loaded = true;
    }

    @Test
    void theFiguresOfAWeekAsItWas() throws Exception {
        ledger();
        given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2031-W10")
                .then()
                .statusCode(200)
                .body("monday", equalTo("2031-03-03"))
                .body("sunday", equalTo("2031-03-09"))
                .body("asOf", equalTo("2031-03-09"))
                .body("headline.projectsByPool.BUILDING", equalTo(2))
                .body("headline.projectsByPool.PREPARING", equalTo(1))
                .body("headline.projectsByPool.RESERVE", equalTo(1))
                .body("headline.projectsByPool", not(hasKey("PLANNING")))
                .body("headline.conversions.thisWeek", equalTo(2))
                .body("headline.conversions.yearToDate", equalTo(2))
                .body("headline.starts.plannedNewStarts", equalTo(2))
                .body("headline.starts.started", equalTo(1))
                .body("headline.starts.rate", equalTo(0.5f))
                .body("headline.investment.annualPlan", equalTo(47450.00f))
                .body("headline.investment.completedYearToDate", equalTo(7500.00f))
                .body("headline.investment.timeProportionalPlan", equalTo(8840.00f))
                .body("headline.investment.shareOfPlan", equalTo(0.1581f))
                .body("headline.investment.shareOfTimeProportionalPlan", equalTo(0.8484f))
                .body("headline.flags.red", equalTo(0))
                .body("headline.flags.yellow", equalTo(1))
                .body("headline.flags.yellowChange", equalTo(1))
                .body("headline.flags.redChange", equalTo(0))
                .body("byLeader.leader", contains("周测试领导"))
                .body("byLeader[0].projects.code", contains("WQ-2031-0001"))
                .body("byLeader[0].projects[0].flags", hasSize(0))
                .body(
                        "changes.flags.collect { it.change + ' ' + it.code + ' ' + it.rule }",
                        containsInAnyOrder(
                                "RAISED WQ-2031-0001 包联缺失", "CLEARED WQ-2031-0001 包联缺失", "RAISED WQ-2031-0002 未按期开工"))
                .body("changes.starts.code", contains("WQ-2031-0003"))
                .body(
                        "changes.conversions.collect { it.code + ' ' + it.from + '→' + it.to + ' ' + it.on }",
                        contains(
                                "WQ-2031-0003 PREPARING→BUILDING 2031-03-05",
                                "WQ-2031-0004 PLANNING→RESERVE 2031-03-07"))
                .body(
                        "funnel.collect { it.pool + ' ' + it.projects + ' in ' + it.convertedIn + ' out ' + it.convertedOut }",
                        contains(
                                "PLANNING 0 in 0 out 1",
                                "RESERVE 1 in 1 out 0",
                                "PREPARING 1 in 0 out 1",
                                "BUILDING 2 in 1 out 0"))
                .body("byTaskForce.taskForce", contains("周报测试专班"))
                .body("byTaskForce[0].leaders", contains("周测试领导"))
                .body("byTaskForce[0].projects.code", contains("WQ-2031-0001"))
                .body("changes.problemsRaised.title", contains("施工用电接入"))
                .body("openProblems.department", contains("区供电公司"))
                .body("openProblems[0].problems[0].waitingDays", equalTo(3))
                .body("series.weeks", hasSize(10))
                .body("series.investmentCompleted[9]", equalTo(7500.00f))
                .body("series.investmentCompleted[7]", equalTo(3000.00f))
                .body("series.yellow[9]", equalTo(1));

        given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2031-W12")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2031-03-18"))
                .body(
                        "changes.flags.findAll { it.code == 'WQ-2031-0002' && it.change == 'ESCALATED' }.rule",
                        contains("未按期开工"));
        given().queryParam("town", TOWN)
                .queryParam("leader", "周测试领导")
                .when()
                .get("/api/v1/weekly/2031-W10")
                .then()
                .body("headline.projectsByPool.BUILDING", equalTo(1))
                .body("headline.investment.annualPlan", equalTo(36500.00f));
        // the week before: the pools as they were before both conversions, without A, which came onto the ledger in
        // week 10 (its reports of weeks 8 and 9, sent then, count from week 10 on)
        given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2031-W09")
                .then()
                .statusCode(200)
                .body("headline.projectsByPool.PLANNING", equalTo(1))
                .body("headline.projectsByPool.PREPARING", equalTo(2))
                .body("headline.projectsByPool", not(hasKey("BUILDING")))
                .body("headline.investment.completedYearToDate", equalTo(0.00f))
                .body("headline.conversions.thisWeek", equalTo(0))
                .body("changes.conversions", hasSize(0));
        given().queryParam("town", TOWN)
                .queryParam("pool", "PREPARING")
                .when()
                .get("/api/v1/weekly/2031-W09")
                .then()
                .body("headline.projectsByPool.PREPARING", equalTo(2))
                .body("headline.projectsByPool", aMapWithSize(1));
        given().when().get("/api/v1/weekly/2031-W60").then().statusCode(400).body("errors.field", contains("isoWeek"));

        byte[] workbook = given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2031-W10.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertEquals(
                    List.of("总览", "包联领导", "工作专班", "本周变化", "待协调问题", "周序列", "转化漏斗", "转化分析", "转化队列", "重点转化项目"),
                    IntStream.range(0, book.getNumberOfSheets())
                            .mapToObj(book::getSheetName)
                            .toList());
            var overview = book.getSheet("总览");
            Map<String, String> figures = new HashMap<>();
            for (var row : overview) {
                figures.put(row.getCell(0).getStringCellValue(), new DataFormatter().formatCellValue(row.getCell(1)));
            }
            assertEquals("7500", figures.get("年度累计完成投资(万元)"));
            assertEquals("8840", figures.get("序时进度应完成(万元)"));
            assertEquals("1", figures.get("黄灯"));
            assertEquals("2", figures.get("本周转化项目数"));
            assertEquals("周测试领导", book.getSheet("包联领导").getRow(1).getCell(0).getStringCellValue());
            assertEquals("区供电公司", book.getSheet("待协调问题").getRow(1).getCell(0).getStringCellValue());
            assertEquals(11, book.getSheet("周序列").getPhysicalNumberOfRows(), "a header and ten weeks");
        }
    }

    /** The page shows the same week in Chinese, with the security headers of a page a person opens. */
    @Test
    void thePageOfTheWeekInChinese() throws Exception {
        ledger();
        String page = given().queryParam("week", "2031-W10")
                .queryParam("town", TOWN)
                .when()
                .get("/weekly")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .extract()
                .asString();
        Assertions.assertAll(
                () -> assertContains(page, "2031年第10周（3月3日—3月9日）"),
                () -> assertContains(page, "<span class=\"lamp yellow\" id=\"yellow-count\">1</span>"),
                () -> assertContains(page, "id=\"conversions-week\">2<"),
                () -> assertContains(page, "<a href=\"/weekly/projects/WQ-2031-0001?week=2031-W10\">周报测试项目A</a>"),
                () -> assertContains(page, "预备库 → 建设库"),
                () -> assertContains(page, "区供电公司 · 1 个问题"),
                () -> assertContains(
                        page, "href=\"/weekly?week=2031-W09&amp;town=%E5%91%A8%E6%8A%A5%E6%B5%8B%E8%AF%95%E9%95%87\""),
                () -> assertContains(page, "<option value=\"周报测试镇\" selected>"));
        given().when()
                .get("/weekly/projects/WQ-2031-0003")
                .then()
                .statusCode(200)
                .body(containsString("周报测试项目C"))
                .body(containsString("建设库"))
                .body(containsString("返回周调度"));
        given().when()
                .get("/weekly?week=2031-W99")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("week"));
        given().when().get("/weekly/projects/WQ-NONE").then().statusCode(404);
    }

    private static void assertContains(String page, String expected) {
        Assertions.assertTrue(page.contains(expected), "the page shows " + expected);
    }

    private static Map<String, Object> a(Map<String, Object> changed) {
        return project(
                "周报测试项目A",
                "BUILDING",
                "36500.00",
                Map.of(
                        "actualStart",
                        "2030-06-01",
                        "plannedStart",
                        "2030-05-20",
                        "poolSince",
                        "2030-06-01",
                        "lastReportedWeek",
                        "2031-W09",
                        "investmentCompletedPlanYear",
                        new BigDecimal("7000.00")),
                changed);
    }

    private static Map<String, Object> b(Map<String, Object> changed) {
        return project(
                "周报测试项目B",
                "PREPARING",
                "7300.00",
                Map.of("plannedStart", "2031-02-15", "poolSince", "2031-01-10", "lastReportedWeek", "2031-W09"),
                changed);
    }

    private static Map<String, Object> c(Map<String, Object> changed) {
        return project(
                "周报测试项目C",
                "PREPARING",
                "3650.00",
                Map.of("plannedStart", "2031-03-01", "poolSince", "2031-01-10", "lastReportedWeek", "2031-W09"),
                changed);
    }

    private static Map<String, Object> d(Map<String, Object> changed) {
        return project("周报测试项目D", "PLANNING", "0.00", Map.of("poolSince", "2031-02-20"), changed);
    }

    private static Map<String, Object> conversion(String from, String to, String date) {
        return Map.of("from", from, "to", to, "date", date, "forwardByOne", true);
    }

    private static Map<String, Object> project(
            String name, String pool, String annual, Map<String, Object> facts, Map<String, Object> changed) {
        Map<String, Object> state = new HashMap<>();
        state.put("name", name);
        state.put("pool", pool);
        state.put("town", TOWN);
        state.put("planYear", 2031);
        state.put("cityCategory", null);
        state.put("annualPlanInvestment", new BigDecimal(annual));
        state.put("totalInvestment", new BigDecimal("90000.00"));
        state.put("plannedCompletion", "2033-12-31");
        state.putAll(facts);
        state.putAll(changed);
        return state;
    }

    private static void send(
            KafkaCompanion kafka,
            String code,
            long sequence,
            String type,
            Map<String, Object> state,
            Map<String, ?> change) {
        ProducerRecord<String, String> record = RegistryEvents.event(
                UUID.randomUUID(), "ledger.project." + type + ".v1", code, sequence, state, change);
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
    }

    private static void awaitSequences(Map<String, Integer> sequences) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> sequences.forEach((code, sequence) -> given().when()
                        .get("/api/v1/projects/" + code)
                        .then()
                        .statusCode(200)
                        .body("lastSequence", equalTo(sequence))));
    }
}
