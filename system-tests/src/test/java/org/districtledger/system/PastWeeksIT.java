package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.sample.TrackerClock;
import org.districtledger.sample.YearSimulator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every past week exactly as it was, on the sample district: the weekly views of weeks 10, 20 and 26 (the last one
 * simulated, current) and the ledger as it stood on 1 January are fetched; the year goes on four more weeks of reports,
 * permits, starts, conversions, corrections and flags; then the same weeks return exactly what they returned before.
 * The shared system's clock is put back where the run command left it (2023-07-02) for the tests that follow.
 */
@Order(3)
@ExtendWith(SampleSystem.Shared.class)
class PastWeeksIT {

    private static final List<String> WEEKS = List.of("2023-W10", "2023-W20", "2023-W26");

    @Test
    void pastWeeksAndTheLedgerOfNewYearsDayStayAsTheyWereWhileTheYearGoesOn(SampleSystem system) throws Exception {
        Http registry = system.registry();
        Http tracker = system.tracker();
        URI registryUri = URI.create("http://localhost:" + system.registryPort);
        URI trackerUri = URI.create("http://localhost:" + system.trackerPort);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String week : WEEKS) {
            before.put(week, tracker.json("/api/v1/weekly/" + week));
            before.put(week + " 刘振东", tracker.json("/api/v1/weekly/" + week + "?leader=%E5%88%98%E6%8C%AF%E4%B8%9C"));
        }
        JsonNode newYear = registry.json("/api/v1/ledger/summary?year=2023&asOf=2023-01-01");

        TrackerClock clock = new TrackerClock(registryUri, trackerUri);
        YearSimulator.Summary summary = new YearSimulator(registryUri, YearSimulator.SEED)
                .simulate(
                        30,
                        week -> clock.moveTo(YearSimulator.monday(week)),
                        week -> clock.moveTo(YearSimulator.monday(week).plusDays(6)));
        assertEquals(27, summary.fromWeek(), "the year goes on from where the run command left it");
        assertTrue(summary.requests() > 500, "four weeks of a district's work: " + summary.requests() + " requests");
        JsonNode week30 = tracker.json("/api/v1/weekly/2023-W30");
        assertTrue(
                week30.at("/headline/investment/completedYearToDate")
                                .decimalValue()
                                .compareTo(before.get("2023-W26")
                                        .at("/headline/investment/completedYearToDate")
                                        .decimalValue())
                        > 0,
                "investment went on");

        for (String week : WEEKS) {
            assertEquals(before.get(week), tracker.json("/api/v1/weekly/" + week), week + " as it was");
            assertEquals(
                    before.get(week + " 刘振东"),
                    tracker.json("/api/v1/weekly/" + week + "?leader=%E5%88%98%E6%8C%AF%E4%B8%9C"),
                    week + ", 刘振东's projects, as they were");
        }
        assertEquals(newYear, registry.json("/api/v1/ledger/summary?year=2023&asOf=2023-01-01"));

        // the ledger as it stood on New Year's Day is the report's, whatever the year has done since
        assertEquals(432, newYear.at("/projects/count").asInt());
        assertEquals(346, newYear.at("/underConstructionAndNewStarts/count").asInt());
        assertEquals(
                "3385000.00",
                newYear.at("/underConstructionAndNewStarts/annualPlanInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(86, newYear.at("/planning/count").asInt());
        assertEquals(
                "1173000.00",
                newYear.at("/planning/annualPlanInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(78, newYear.at("/cityKeyProjects/count").asInt());
        assertEquals(
                "22025000.00",
                newYear.at("/cityKeyProjects/totalInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(59, newYear.at("/byCityCategory/KEY_CONSTRUCTION/count").asInt());
        assertEquals(
                "17251000.00",
                newYear.at("/byCityCategory/KEY_CONSTRUCTION/totalInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(
                "1274000.00",
                newYear.at("/byCityCategory/KEY_CONSTRUCTION/annualPlanInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(5, newYear.at("/byCityCategory/KEY_RESERVE/count").asInt());
        assertEquals(
                "2512000.00",
                newYear.at("/byCityCategory/KEY_RESERVE/totalInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(14, newYear.at("/byCityCategory/KEY_PLANNING/count").asInt());
        assertEquals(
                "2262000.00",
                newYear.at("/byCityCategory/KEY_PLANNING/totalInvestment")
                        .decimalValue()
                        .setScale(2)
                        .toPlainString());
        assertEquals(109, newYear.at("/annualPlanOver100Million/count").asInt());
        assertEquals(15, newYear.at("/keyConversionOver1Billion/count").asInt());
        JsonNode now = registry.json("/api/v1/ledger/summary?year=2023");
        assertTrue(
                now.at("/planning/count").asInt() != 86
                        || now.at("/projects/count").asInt() != 432,
                "the year has moved projects on (conversions, cancellations): " + now.at("/planning"));

        // back to where the run command left the shared system, for the tests that follow
        tracker.send("PUT", "/api/v1/clock", "{\"asOf\": \"2023-07-02\"}", 200);
    }
}
