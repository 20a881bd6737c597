package org.districtledger.tracker.weekly;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.districtledger.tracker.BusinessDate;
import org.districtledger.tracker.RegistryEvents;
import org.districtledger.tracker.TrackerInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The conversion analytics from the registry's events to the weekly view: the small ledger of {@code
 * ConversionAnalyticsTest} (seven projects, figures counted by hand) sent as registered and converted events, read in
 * 2023-W26 as JSON, on the page and in the workbook.
 */
@QuarkusTest
@TestSecurity(user = "office", roles = "ADMIN")
@WithTestResource(TrackerInfrastructure.class)
class ConversionAnalyticsViewTest {

    static final String TOWN = "转化分析测试镇";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theSmallLedgersConversionFiguresInTheWeeklyView() throws IOException {
        BusinessDate.set("2023-07-02");
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            project(
                    kafka,
                    "WQ-2023-9601",
                    "RESERVE",
                    "2022-11-15",
                    "2023-05-01",
                    null,
                    move("RESERVE", "PREPARING", "2023-02-10"),
                    move("PREPARING", "BUILDING", "2023-05-20"));
            project(kafka, "WQ-2023-9602", "RESERVE", "2022-06-01", null, null);
            project(
                    kafka,
                    "WQ-2023-9603",
                    "PLANNING",
                    "2023-01-10",
                    null,
                    null,
                    move("PLANNING", "RESERVE", "2023-04-20"));
            project(
                    kafka,
                    "WQ-2023-9604",
                    "PLANNING",
                    "2022-03-01",
                    null,
                    null,
                    move("PLANNING", "CANCELLED", "2023-03-15"));
            project(
                    kafka,
                    "WQ-2023-9605",
                    "RESERVE",
                    "2022-09-01",
                    "2023-09-01",
                    target("PREPARING", "2023-03-31"),
                    move("RESERVE", "PREPARING", "2023-05-10"));
            project(kafka, "WQ-2023-9606", "PLANNING", "2023-02-01", null, target("RESERVE", "2023-06-30"));
            project(
                    kafka,
                    "WQ-2023-9607",
                    "RESERVE",
                    "2022-12-01",
                    "2023-10-01",
                    target("PREPARING", "2023-06-30"),
                    move("RESERVE", "PREPARING", "2023-06-01"));
        }
        String reserveQ2 = "conversion.quarters.find { it.pool == 'RESERVE' && it.quarter == '2023Q2' }";
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParam("town", TOWN)
                        .when()
                        .get("/api/v1/weekly/2023-W26")
                        .then()
                        .statusCode(200)
                        .body("conversion.keyConversions.total", equalTo(3))
                        .body(reserveQ2 + ".converted", equalTo(2)));

        given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2023-W26")
                .then()
                .statusCode(200)
                .body("conversion.year", equalTo(2023))
                .body("conversion.asOf", equalTo("2023-07-02"))
                .body(reserveQ2 + ".atStart", equalTo(3))
                .body(reserveQ2 + ".entered", equalTo(1))
                .body(reserveQ2 + ".remaining", equalTo(2))
                .body(reserveQ2 + ".conversionRate", equalTo(0.5f))
                .body(reserveQ2 + ".medianDwellDays", equalTo(182))
                .body(reserveQ2 + ".p90DwellDays", equalTo(251))
                .body(reserveQ2 + ".beyondYellowLimit", equalTo(1))
                .body(reserveQ2 + ".beyondRedLimit", equalTo(1))
                .body(
                        "conversion.quarters.find { it.pool == 'PLANNING' && it.quarter == '2023Q1' }.leftOtherwise",
                        equalTo(1))
                .body(
                        "conversion.quarters.find { it.pool == 'PLANNING' && it.quarter == '2023Q2' }.medianDwellDays",
                        equalTo(100))
                .body(
                        "conversion.quarters.find { it.pool == 'PREPARING' && it.quarter == '2023Q2' }.conversionRate",
                        equalTo(0.3333f))
                .body(
                        "conversion.cohorts.find { it.pool == 'RESERVE' && it.entryQuarter == '2022Q4' }.converted",
                        equalTo(2))
                .body(
                        "conversion.cohorts.find { it.pool == 'RESERVE' && it.entryQuarter == '2022Q4' }.medianDwellDays",
                        equalTo(87))
                .body(
                        "conversion.keyConversions.projects.code",
                        equalTo(List.of("WQ-2023-9606", "WQ-2023-9605", "WQ-2023-9607")))
                .body("conversion.keyConversions.projects.status", equalTo(List.of("OVERDUE", "LATE", "ON_TIME")))
                .body("conversion.keyConversions.projects.daysLate", equalTo(Arrays.asList(2, 40, null)))
                .body("conversion.keyConversions.projects[1].reachedOn", equalTo("2023-05-10"))
                .body("conversion.keyConversions.projects[0].reachedOn", nullValue());

        // the tracker learnt of them on 2023-07-02: an earlier week shows it as it was shown then, without them
        given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2023-W16")
                .then()
                .statusCode(200)
                .body("conversion.quarters.size()", equalTo(6))
                .body("conversion.quarters.sum { it.atStart + it.entered }", equalTo(0))
                .body("conversion.keyConversions.total", equalTo(0));

        given().accept("text/html")
                .queryParam("week", "2023-W26")
                .queryParam("town", TOWN)
                .when()
                .get("/weekly")
                .then()
                .statusCode(200)
                .body(containsString("项目转化分析（2023年，截至 2023-07-02）"))
                .body(containsString("重点转化项目 3 个：按期转化 1，逾期转化 1，未到期 0，逾期未转化 1"))
                .body(containsString("id=\"chart-conversion\""));

        byte[] workbook = given().queryParam("town", TOWN)
                .when()
                .get("/api/v1/weekly/2023-W26.xlsx")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            DataFormatter cells = new DataFormatter();
            Map<String, List<String>> quarters = new HashMap<>();
            for (var row : book.getSheet("转化分析")) {
                List<String> values = new ArrayList<>();
                row.forEach(cell -> values.add(cells.formatCellValue(cell)));
                quarters.put(values.get(0) + " " + values.get(1), values);
            }
            assertEquals(
                    List.of("储备库", "2023年第2季度", "3", "1", "2", "0", "2", "0.5", "182", "251", "1", "1"),
                    quarters.get("储备库 2023年第2季度"));
            var key = book.getSheet("重点转化项目").getRow(1);
            assertEquals("WQ-2023-9606", key.getCell(0).getStringCellValue());
            assertEquals("逾期未转化", key.getCell(6).getStringCellValue());
            assertEquals("2022年第4季度", book.getSheet("转化队列").getRow(5).getCell(1).getStringCellValue());
        }
    }

    private record Move(String from, String to, String on) {}

    private static Move move(String from, String to, String on) {
        return new Move(from, to, on);
    }

    private static Map<String, Object> target(String pool, String date) {
        return Map.of("keyConversion", true, "conversionTargetPool", pool, "conversionTargetDate", date);
    }

    /** A project registered in {@code pool} since {@code since}, then moved, each move an event with its new state. */
    private static void project(
            KafkaCompanion kafka,
            String code,
            String pool,
            String since,
            String plannedStart,
            Map<String, Object> key,
            Move... moves) {
        Map<String, Object> state = new HashMap<>();
        state.put("pool", pool);
        state.put("poolSince", since);
        state.put("town", TOWN);
        state.put("plannedStart", plannedStart);
        state.put("annualPlanInvestment", new BigDecimal("500.00"));
        if (key != null) {
            state.putAll(key);
        }
        RegistryEvents.send(kafka, RegistryEvents.registered(UUID.randomUUID(), code, 1, state));
        long sequence = 1;
        for (Move move : moves) {
            state.put("pool", move.to());
            state.put("poolSince", move.on());
            if ("BUILDING".equals(move.to())) {
                state.put("actualStart", move.on());
            }
            RegistryEvents.send(
                    kafka,
                    RegistryEvents.event(
                            UUID.randomUUID(),
                            "ledger.project.converted.v1",
                            code,
                            ++sequence,
                            state,
                            Map.of(
                                    "from",
                                    move.from(),
                                    "to",
                                    move.to(),
                                    "date",
                                    move.on(),
                                    "forwardByOne",
                                    !"CANCELLED".equals(move.to()))));
        }
    }
}
