package org.districtledger.tracker.weekly;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The weekly view of a small ledger whose answers were computed by hand (town 周报测试镇, plan year 2031), as of
 * 2031-W10 (Monday 03-03 to Sunday 03-09) after the clock has moved on to 03-18: the week shows as it was.
 */
@QuarkusTest
@WithTestResource(TrackerInfrastructure.class)
class WeeklyReportTest {

    private static final String TOWN = "周报测试镇";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theFiguresOfAWeekAsItWas() throws Exception {
        BusinessDate.set("2031-03-04");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            send(kafka, "WQ-2031-0001", 1, "registered", a(Map.of()), Map.of("pool", "BUILDING"));
            send(kafka, "WQ-2031-0001", 2, "progress-reported", a(Map.of()), report("2031-W08", "2031-02-17", "3000.00"));
            send(kafka, "WQ-2031-0001", 3, "progress-reported", a(Map.of()), report("2031-W09", "2031-02-24", "4000.00"));
            send(kafka, "WQ-2031-0002", 1, "registered", b(Map.of()), Map.of("pool", "PREPARING"));
            send(kafka, "WQ-2031-0002", 2, "progress-reported", b(Map.of()), report("2031-W09", "2031-02-24", "0.00"));
            send(kafka, "WQ-2031-0003", 1, "registered", c(Map.of()), Map.of("pool", "PREPARING"));
            send(kafka, "WQ-2031-0003", 2, "progress-reported", c(Map.of()), report("2031-W09", "2031-02-24", "0.00"));
            awaitSequences(Map.of("WQ-2031-0001", 3, "WQ-2031-0002", 2, "WQ-2031-0003", 2));
            given().contentType(ContentType.JSON)
                    .body("{\"leader\": {\"name\": \"周测试领导\", \"title\": \"副区长\"}, \"taskForce\": {\"name\": \"周报测试专班\","
                            + " \"leadDepartment\": \"区发改委\", \"members\": [{\"name\": \"联络员\"}]}}")
                    .when().put("/api/v1/assignments/WQ-2031-0001").then().statusCode(200);
            send(kafka, "WQ-2031-0003", 3, "milestone-reached", c(Map.of("pool", "BUILDING", "actualStart", "2031-03-05",
                    "poolSince", "2031-03-05", "investmentCompletedPlanYear", new BigDecimal("600.00"))), Map.of("milestone", "STARTED", "date", "2031-03-05"));
            send(kafka, "WQ-2031-0002", 3, "problem-raised", b(Map.of()), Map.of("problem", Map.of("id", 990001, "projectCode", "WQ-2031-0002",
                    "title", "施工用电接入", "department", "区供电公司", "raisedOn", "2031-03-06", "open", true)));
            send(kafka, "WQ-2031-0001", 4, "progress-reported", a(Map.of("lastReportedWeek", "2031-W10",
                    "investmentCompletedPlanYear", new BigDecimal("7500.00"))), report("2031-W10", "2031-03-03", "500.00"));
            awaitSequences(Map.of("WQ-2031-0001", 4, "WQ-2031-0002", 3, "WQ-2031-0003", 3));
        }
        BusinessDate.set("2031-03-18");

        given().queryParam("town", TOWN).when().get("/api/v1/weekly/2031-W10")
                .then().statusCode(200)
                .body("monday", equalTo("2031-03-03")).body("sunday", equalTo("2031-03-09")).body("asOf", equalTo("2031-03-09"))
                .body("headline.projectsByPool.BUILDING", equalTo(2)).body("headline.projectsByPool.PREPARING", equalTo(1))
                .body("headline.starts.plannedNewStarts", equalTo(2)).body("headline.starts.started", equalTo(1))
                .body("headline.starts.rate", equalTo(0.5f))
                .body("headline.investment.annualPlan", equalTo(47450.00f))
                .body("headline.investment.completedYearToDate", equalTo(7500.00f))
                .body("headline.investment.timeProportionalPlan", equalTo(8840.00f))
                .body("headline.investment.shareOfPlan", equalTo(0.1581f))
                .body("headline.investment.shareOfTimeProportionalPlan", equalTo(0.8484f))
                .body("headline.flags.red", equalTo(0)).body("headline.flags.yellow", equalTo(1))
                .body("headline.flags.yellowChange", equalTo(1)).body("headline.flags.redChange", equalTo(0))
                .body("byLeader.leader", contains("周测试领导"))
                .body("byLeader[0].projects.code", contains("WQ-2031-0001"))
                .body("byLeader[0].projects[0].flags", hasSize(0))
                .body("changes.flags.collect { it.change + ' ' + it.code + ' ' + it.rule }", containsInAnyOrder(
                        "RAISED WQ-2031-0001 包联缺失", "CLEARED WQ-2031-0001 包联缺失", "RAISED WQ-2031-0002 未按期开工"))
                .body("changes.starts.code", contains("WQ-2031-0003"))
                .body("changes.problemsRaised.title", contains("施工用电接入"))
                .body("openProblems.department", contains("区供电公司"))
                .body("openProblems[0].problems[0].waitingDays", equalTo(3))
                .body("series.weeks", hasSize(10))
                .body("series.investmentCompleted[9]", equalTo(7500.00f))
                .body("series.investmentCompleted[7]", equalTo(3000.00f))
                .body("series.yellow[9]", equalTo(1));

        given().queryParam("town", TOWN).when().get("/api/v1/weekly/2031-W12")
                .then().statusCode(200).body("asOf", equalTo("2031-03-18"))
                .body("changes.flags.findAll { it.code == 'WQ-2031-0002' && it.change == 'ESCALATED' }.rule", contains("未按期开工"));
        given().queryParam("town", TOWN).queryParam("leader", "周测试领导").when().get("/api/v1/weekly/2031-W10")
                .then().body("headline.projectsByPool.BUILDING", equalTo(1)).body("headline.investment.annualPlan", equalTo(36500.00f));
        given().when().get("/api/v1/weekly/2031-W60").then().statusCode(400).body("errors.field", contains("isoWeek"));

        byte[] workbook = given().queryParam("town", TOWN).when().get("/api/v1/weekly/2031-W10.xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
            assertEquals(List.of("总览", "包联领导", "本周变化", "待协调问题", "周序列"),
                    java.util.stream.IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList());
            var overview = book.getSheet("总览");
            Map<String, String> figures = new HashMap<>();
            for (var row : overview) {
                figures.put(row.getCell(0).getStringCellValue(), new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(1)));
            }
            assertEquals("7500", figures.get("年度累计完成投资(万元)"));
            assertEquals("8840", figures.get("序时进度应完成(万元)"));
            assertEquals("1", figures.get("黄灯"));
            assertEquals("周测试领导", book.getSheet("包联领导").getRow(1).getCell(0).getStringCellValue());
            assertEquals("区供电公司", book.getSheet("待协调问题").getRow(1).getCell(0).getStringCellValue());
            assertEquals(11, book.getSheet("周序列").getPhysicalNumberOfRows(), "a header and ten weeks");
        }
    }

    private static Map<String, Object> a(Map<String, Object> changed) {
        return project("周报测试项目A", "BUILDING", "36500.00", Map.of("actualStart", "2030-06-01", "plannedStart", "2030-05-20",
                "poolSince", "2030-06-01", "lastReportedWeek", "2031-W09", "investmentCompletedPlanYear", new BigDecimal("7000.00")), changed);
    }

    private static Map<String, Object> b(Map<String, Object> changed) {
        return project("周报测试项目B", "PREPARING", "7300.00", Map.of("plannedStart", "2031-02-15", "poolSince", "2031-01-10",
                "lastReportedWeek", "2031-W09"), changed);
    }

    private static Map<String, Object> c(Map<String, Object> changed) {
        return project("周报测试项目C", "PREPARING", "3650.00", Map.of("plannedStart", "2031-03-01", "poolSince", "2031-01-10",
                "lastReportedWeek", "2031-W09"), changed);
    }

    private static Map<String, Object> project(String name, String pool, String annual, Map<String, Object> facts, Map<String, Object> changed) {
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

    private static Map<String, Object> report(String week, String monday, String amount) {
        return Map.of("report", Map.of("isoWeek", week, "weekStart", monday, "investmentCompleted", new BigDecimal(amount),
                "imageProgressPercent", 10, "siteStatus", "STARTED", "revision", 1), "corrected", false);
    }

    private static void send(KafkaCompanion kafka, String code, long sequence, String type, Map<String, Object> state, Map<String, ?> change) {
        ProducerRecord<String, String> record = RegistryEvents.event(UUID.randomUUID(), "ledger.project." + type + ".v1", code, sequence, state, change);
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
    }

    private static void awaitSequences(Map<String, Integer> sequences) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sequences.forEach((code, sequence) ->
                given().when().get("/api/v1/projects/" + code).then().statusCode(200).body("lastSequence", equalTo(sequence))));
    }
}
