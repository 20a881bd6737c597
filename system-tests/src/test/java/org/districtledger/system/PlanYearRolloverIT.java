package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.sample.TrackerClock;
import org.districtledger.sample.YearRollover;
import org.districtledger.sample.YearSimulator;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample district's year end: 2023 simulated to its last week, rolled over into 2024 as the office does it (the
 * plan sheet downloaded, filled, dry-run, sent; the new accountability projects assigned). 2023's summary, its W26
 * and its last week read exactly as before; 2024 starts with the carried-over projects, their new plans and a
 * weekly view a Monday meeting can go through. The shared system's clock is put back where the run command left it.
 */
@Order(7)
@ExtendWith(SampleSystem.Shared.class)
class PlanYearRolloverIT {

    @Test
    void twentyTwentyThreeClosesAsItWasAndTwentyTwentyFourStartsWithWhatWasCarriedOver(SampleSystem system)
            throws Exception {
        Http registry = system.registry();
        Http tracker = system.tracker();
        JsonNode midYear = tracker.json("/api/v1/weekly/2023-W26");
        try {
            yearEnd(system, registry, tracker, midYear);
        } finally {
            // back to where the run command left the shared system, for the tests that follow
            tracker.send("PUT", "/api/v1/clock", "{\"asOf\": \"2023-07-02\"}", 200);
        }
    }

    private static void yearEnd(SampleSystem system, Http registry, Http tracker, JsonNode midYear) throws Exception {
        URI registryUri = URI.create("http://localhost:" + system.registryPort);
        URI trackerUri = URI.create("http://localhost:" + system.trackerPort);

        TrackerClock clock = new TrackerClock(registryUri, trackerUri);
        YearSimulator.Summary year = new YearSimulator(registryUri, YearSimulator.SEED)
                .simulate(
                        52,
                        week -> clock.moveTo(YearSimulator.monday(week)),
                        week -> clock.moveTo(YearSimulator.monday(week).plusDays(6)));
        assertEquals(52, year.toWeek());
        clock.awaitCaughtUp();
        JsonNode summary = registry.json("/api/v1/ledger/summary?year=2023");
        JsonNode lastWeek = tracker.json("/api/v1/weekly/2023-W52");
        long unfinished = 0;
        for (Iterator<String> pools = summary.get("byPool").fieldNames(); pools.hasNext(); ) {
            String pool = pools.next();
            if (!pool.equals("COMPLETED") && !pool.equals("IN_PRODUCTION") && !pool.equals("CANCELLED")) {
                unfinished += summary.at("/byPool/" + pool + "/count").asLong();
            }
        }

        YearRollover.Result rolled = YearRollover.rollover(registryUri, trackerUri, 2023, YearSimulator.SEED);
        clock.moveTo(LocalDate.of(2024, 1, 7));
        System.out.printf(
                "[rollover] 2023 → 2024: %d carried over (%s 万元 planned), %d stay in 2023, %d new leaders%n",
                rolled.carriedOver(), rolled.nextAnnualPlan().toPlainString(), rolled.staying(), rolled.assigned());

        assertEquals(unfinished, rolled.carriedOver(), "every unfinished project of 2023 goes on into 2024");
        JsonNode years = registry.json("/api/v1/plan-years");
        assertEquals(2024, years.get(0).get("year").asInt());
        assertEquals("OPEN", years.get(0).get("status").asText());
        assertEquals("CLOSED", years.get(1).get("status").asText());
        assertEquals(summary, registry.json("/api/v1/ledger/summary?year=2023"), "2023's summary as it closed");
        assertEquals(midYear, tracker.json("/api/v1/weekly/2023-W26"), "2023-W26 as it was");
        assertEquals(lastWeek, tracker.json("/api/v1/weekly/2023-W52"), "2023's last week as it was");

        JsonNode next = registry.json("/api/v1/ledger/summary?year=2024");
        assertEquals(rolled.carriedOver(), next.at("/projects/count").asInt(), "2024 starts with the carried-over");
        assertEquals(
                0,
                rolled.nextAnnualPlan()
                        .compareTo(next.at("/projects/annualPlanInvestment").decimalValue()),
                "with their new annual plans");
        JsonNode firstWeek = tracker.json("/api/v1/weekly/2024-W01");
        long projects = 0;
        for (JsonNode count : firstWeek.at("/headline/projectsByPool")) {
            projects += count.asLong();
        }
        assertTrue(
                firstWeek.at("/headline/investment/annualPlan").decimalValue().signum() > 0,
                "2024's annual plan of the projects under way: " + firstWeek.at("/headline/investment"));
        long red = firstWeek.at("/headline/flags/red").asLong();
        long flagged = red + firstWeek.at("/headline/flags/yellow").asLong();
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, String> pools = new HashMap<>();
        for (JsonNode p : tracker.json("/api/v1/projects?size=500").get("items")) {
            pools.put(p.get("code").asText(), p.get("pool").asText());
        }
        for (JsonNode flag : tracker.json("/api/v1/flags")) {
            String code = flag.get("projectCode").asText();
            byRule.merge(
                    flag.get("rule").asText() + " " + flag.get("colour").asText() + " " + pools.get(code),
                    1,
                    Integer::sum);
        }
        System.out.printf(
                "[rollover] 2023-W52: red %d, yellow %d%n",
                lastWeek.at("/headline/flags/red").asLong(),
                lastWeek.at("/headline/flags/yellow").asLong());
        System.out.printf(
                "[rollover] 2024-W01: %d projects, %d red and %d flags in all; open flags by rule: %s%n",
                projects, red, flagged, byRule);
        // as at mid-year (CalibrationIT): red flags for about one project in ten at most, any flag for one in four
        assertTrue(red * 10 <= projects, "red flags for at most one project in ten: " + red + " of " + projects);
        assertTrue(flagged * 4 <= projects, "flags for at most one in four: " + flagged + " of " + projects);
    }
}
