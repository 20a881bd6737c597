package org.districtledger.tracker.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.districtledger.testsupport.EventContract;
import org.districtledger.tracker.AlertsTopic;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statistics bureau's monthly figures: two projects of one town through January and February 2035 (reports, a
 * start, a report corrected after January's end, a completion), the clock moved to March, and each month published
 * once on ledger.statistics, as of its last day, with the figures counted by hand:
 *
 * <pre>
 *            in the month (万元)                    year to date      starts  completions
 * January    W02 100.00 + W04 50.25 = 150.25        150.25            1       0
 * February   W05 200.50 + 30.00 = 230.50            100.00 + 60.00 (W04 as corrected) + 230.50 = 390.50
 *                                                                      0 (1)   1 (1)
 * </pre>
 *
 * A week counts in the month of its Sunday (W05, 29 January – 4 February, in February).
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class MonthlyStatisticsTest {

    static final String TOWN = "月度统计测试镇";
    static final String CHAIN = "统计测试产业链";
    static final String BUILT = "WQ-2035-0101";
    static final String STARTED = "WQ-2035-0102";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachMonthPublishedOnceAsOfItsLastDay() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> topic = kafka.consumeStrings()
                    .withGroupId("statistics-bureau-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics("ledger.statistics");
            Map<String, Object> built = state("BUILDING", "2034-10-01");
            built.put("actualStart", "2034-10-01");
            built.put("cityCategory", "KEY_CONSTRUCTION");
            Map<String, Object> starting = state("PREPARING", "2034-11-01");
            starting.put("plannedStart", "2035-01-20");
            starting.put("cityCategory", null);

            BusinessDate.set("2035-01-08");
            send(kafka, RegistryEvents.registered(UUID.randomUUID(), BUILT, 1, built));
            send(kafka, RegistryEvents.registered(UUID.randomUUID(), STARTED, 1, starting));
            send(kafka, report(BUILT, 2, built, "2035-W02", "2035-01-08", "100.00", 1));
            applied(BUILT, 2);
            applied(STARTED, 1);

            BusinessDate.set("2035-01-25");
            send(kafka, report(BUILT, 3, built, "2035-W04", "2035-01-22", "50.25", 1));
            starting.put("pool", "BUILDING");
            starting.put("poolSince", "2035-01-25");
            starting.put("actualStart", "2035-01-25");
            send(kafka, converted(STARTED, 2, starting, "PREPARING", "BUILDING", "2035-01-25"));
            applied(BUILT, 3);
            applied(STARTED, 2);

            BusinessDate.set("2035-02-01");
            send(kafka, report(BUILT, 4, built, "2035-W05", "2035-01-29", "200.50", 1));
            send(kafka, report(STARTED, 3, starting, "2035-W05", "2035-01-29", "30.00", 1));
            applied(BUILT, 4);
            applied(STARTED, 3);

            BusinessDate.set("2035-02-02");
            send(kafka, report(BUILT, 5, built, "2035-W04", "2035-01-22", "60.00", 2));
            applied(BUILT, 5);

            BusinessDate.set("2035-02-20");
            built.put("pool", "COMPLETED");
            built.put("poolSince", "2035-02-20");
            built.put("actualCompletion", "2035-02-20");
            send(kafka, converted(BUILT, 6, built, "BUILDING", "COMPLETED", "2035-02-20"));
            applied(BUILT, 6);

            BusinessDate.set("2035-03-02");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !of(topic, "2035-01").isEmpty()
                            && !of(topic, "2035-02").isEmpty());
            // moving the clock again publishes nothing twice
            BusinessDate.set("2035-03-03");

            JsonNode january = json.readTree(of(topic, "2035-01").get(0).value());
            JsonNode february = json.readTree(of(topic, "2035-02").get(0).value());
            assertEquals("2035-01-31", january.path("asOf").asText());
            assertEquals("万元", january.path("unit").asText());
            assertEquals(List.of("150.25", "150.25", "1", "1", "0", "0", "2"), figures(group(january, "byTown", TOWN)));
            assertEquals(
                    List.of("230.50", "390.50", "0", "1", "1", "1", "2"), figures(group(february, "byTown", TOWN)));
            assertEquals(figures(group(february, "byTown", TOWN)), figures(group(february, "byIndustryChain", CHAIN)));
            assertEquals(
                    "月度统计测试镇", group(february, "byTown", TOWN).path("label").asText());
            assertTrue(
                    new BigDecimal(february.path("totals")
                                            .path("investmentCompletedYearToDate")
                                            .asText())
                                    .compareTo(new BigDecimal("390.50"))
                            >= 0,
                    "the totals count every project");
            for (String month : List.of("2035-01", "2035-02")) {
                ConsumerRecord<String, String> record = of(topic, month).get(0);
                assertEquals("/progress-tracker", AlertsTopic.header(record, "ce_source"));
                EventContract.requireValid(MonthlyStatisticsService.EVENT_TYPE, record.value());
            }
            Thread.sleep(1000);
            assertEquals(1, of(topic, "2035-01").size(), "January published once");
            assertEquals(1, of(topic, "2035-02").size(), "February published once");
            topic.close();
        }

        given().when()
                .get("/api/v1/statistics/monthly")
                .then()
                .statusCode(200)
                .body("$", hasItems("2035-02", "2035-01"));
        given().when()
                .get("/api/v1/statistics/monthly/2035-02")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2035-02-28"))
                .body("byTown.find { it.key == '" + TOWN + "' }.figures.investmentCompletedYearToDate", equalTo(390.5f))
                .body("byTown.find { it.key == '" + TOWN + "' }.figures.completionsMonth", equalTo(1));
        given().when()
                .get("/api/v1/statistics/monthly/2035-13")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("month"));
        given().when().get("/api/v1/statistics/monthly/2099-01").then().statusCode(404);

        byte[] workbook = given().when()
                .get("/api/v1/statistics/monthly/2035-02.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertEquals(
                    List.of("总览", "按项目库", "按产业链", "按镇街", "按市级分类"),
                    IntStream.range(0, book.getNumberOfSheets())
                            .mapToObj(book::getSheetName)
                            .toList());
            DataFormatter cells = new DataFormatter();
            Map<String, List<String>> towns = new HashMap<>();
            for (var row : book.getSheet("按镇街")) {
                List<String> values = new ArrayList<>();
                row.forEach(cell -> values.add(cells.formatCellValue(cell)));
                towns.put(values.get(0), values);
            }
            assertEquals(List.of(TOWN, "2", "230.50", "390.50", "0", "1", "1", "1"), towns.get(TOWN));
        }
    }

    /** A group's figures: month, year to date, starts (month, year), completions (month, year), projects. */
    private static List<String> figures(JsonNode group) {
        JsonNode f = group.path("figures");
        return List.of(
                f.path("investmentCompletedMonth").decimalValue().setScale(2).toPlainString(),
                f.path("investmentCompletedYearToDate")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString(),
                f.path("startsMonth").asText(),
                f.path("startsYearToDate").asText(),
                f.path("completionsMonth").asText(),
                f.path("completionsYearToDate").asText(),
                f.path("projects").asText());
    }

    private static JsonNode group(JsonNode statistics, String breakdown, String key) {
        for (JsonNode group : statistics.path(breakdown)) {
            if (key.equals(group.path("key").asText())) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + breakdown + ": " + statistics);
    }

    private static List<ConsumerRecord<String, String>> of(ConsumerTask<String, String> topic, String month) {
        return topic.getRecords().stream()
                .filter(r -> month.equals(r.key())
                        && MonthlyStatisticsService.EVENT_TYPE.equals(AlertsTopic.header(r, "ce_type")))
                .toList();
    }

    private static Map<String, Object> state(String pool, String since) {
        Map<String, Object> state = new HashMap<>();
        state.put("pool", pool);
        state.put("poolSince", since);
        state.put("town", TOWN);
        state.put("industryChain", CHAIN);
        state.put("planYear", 2035);
        return state;
    }

    private static ProducerRecord<String, String> report(
            String code,
            long sequence,
            Map<String, Object> state,
            String week,
            String monday,
            String amount,
            int revision) {
        return RegistryEvents.event(
                UUID.randomUUID(),
                "ledger.project.progress-reported.v1",
                code,
                sequence,
                state,
                RegistryEvents.weeklyReport(week, monday, amount, amount, revision));
    }

    private static ProducerRecord<String, String> converted(
            String code, long sequence, Map<String, Object> state, String from, String to, String on) {
        return RegistryEvents.event(
                UUID.randomUUID(),
                "ledger.project.converted.v1",
                code,
                sequence,
                state,
                Map.of("from", from, "to", to, "date", on, "forwardByOne", true));
    }

    @SafeVarargs
    private static void send(KafkaCompanion kafka, ProducerRecord<String, String>... records) {
        RegistryEvents.send(kafka, records);
    }

    /** Waits until the tracker has applied the project's event of that sequence (on the clock's day). */
    private static void applied(String code, long sequence) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().when()
                        .get("/api/v1/projects/" + code)
                        .then()
                        .statusCode(200)
                        .body("lastSequence", equalTo((int) sequence)));
    }
}
