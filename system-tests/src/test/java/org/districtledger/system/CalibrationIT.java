package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.contract.IsoWeek;
import org.districtledger.sample.Calibration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample district as the run command simulates it, at 2023-W26: every figure a project office reads at its
 * mid-year review ({@link Calibration}) within the band a district would recognise, the bands and their reasons
 * written here; the table is printed, and the README shows it.
 */
@Order(2)
@ExtendWith(SampleSystem.Shared.class)
class CalibrationIT {

    /** The band a figure of a district at mid-year falls in, and why, in one line. */
    private record Band(String figure, String low, String high, String why) {

        boolean holds(BigDecimal value) {
            return value.compareTo(new BigDecimal(low)) >= 0 && value.compareTo(new BigDecimal(high)) <= 0;
        }
    }

    /** What a district would recognise at 2023-W26 (shares as fractions, the rest as counts of projects). */
    private static final List<Band> BANDS = List.of(
            new Band(
                    "开工率（计划截至本周开工的项目）",
                    "0.75",
                    "0.97",
                    "most planned starts happen within weeks of their date; a district below three in four would be in crisis"),
            new Band(
                    "完成投资 / 序时进度",
                    "0.80",
                    "1.10",
                    "mid-year investment runs near the time-proportional plan, new starts a little behind it"),
            new Band(
                    "完成投资 / 年度计划",
                    "0.40",
                    "0.60",
                    "about half of the annual plan by the end of June (序时进度 is 49.6% on 2023-06-30)"),
            new Band(
                    "到期手续办结率",
                    "0.80",
                    "0.98",
                    "most permits due this year are in hand; a few wait on land or planning"),
            new Band("到期手续按期办结率", "0.60", "0.95", "some permits come weeks after their target dates"),
            new Band(
                    "年内项目转化（谋划→储备、储备→预备）",
                    "8",
                    "40",
                    "reserve and planning projects move on through the year, the key conversion projects by their targets"),
            new Band(
                    "年内竣工项目",
                    "5",
                    "40",
                    "carried-over projects finish through the year; the report's named ones on plan"),
            new Band("报告点名的年内竣工项目逾期未竣工", "0", "0", "麦格纳、澳康达… complete when the report says"),
            new Band(
                    "亮红灯项目占比",
                    "0.005",
                    "0.10",
                    "red is for the few that a leader must act on this week: at most about one project in ten"),
            new Band(
                    "亮灯项目占比（红或黄）",
                    "0.03",
                    "0.25",
                    "any flag on at most about one project in four, and never on none: a list a Monday meeting can go through"),
            new Band(
                    "红灯数 / 项目数",
                    "0.005",
                    "0.10",
                    "red flags, counted one by one as the page counts them, on no more than about one project in ten"),
            new Band(
                    "亮灯数 本周 / 十周前",
                    "0.6",
                    "1.5",
                    "flags are worked off as they are raised: the Monday list neither empties nor keeps growing"),
            new Band("计划开工调整（改期）", "1", "30", "the office reschedules some starts"),
            new Band("暂停施工", "1", "10", "a few sites stop for funds or land, with a reason"),
            new Band("退库（退回前一库）", "1", "15", "a few new starts go back to the reserve pool, with a reason"),
            new Band("取消项目", "1", "8", "a few ideas are dropped, with a reason"));

    @Test
    void theSimulatedYearIsOneADistrictWouldRecognise(SampleSystem system) {
        IsoWeek week = IsoWeek.parse("2023-W26", "week");
        List<Calibration.Figure> figures = Calibration.measure(
                URI.create("http://localhost:" + system.registryPort),
                URI.create("http://localhost:" + system.trackerPort),
                week);
        StringBuilder table = new StringBuilder("Calibration of the simulated district at " + week + ":\n")
                .append("| | figure | value | band | why |\n|---|---|---|---|---|\n");
        List<String> out = new ArrayList<>();
        for (Band band : BANDS) {
            Calibration.Figure figure = figures.stream()
                    .filter(f -> f.name().equals(band.figure()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no figure " + band.figure() + " in " + figures));
            boolean holds = band.holds(figure.value());
            if (!holds) {
                out.add(band.figure());
            }
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s – %s | %s%s |%n",
                    holds ? "✓" : "✗",
                    band.figure(),
                    figure.value().stripTrailingZeros().toPlainString(),
                    band.low(),
                    band.high(),
                    band.why(),
                    figure.detail() == null ? "" : " (" + figure.detail() + ")"));
        }
        System.out.print(table);
        assertEquals(BANDS.size(), figures.size(), "a band for every figure");
        assertTrue(out.isEmpty(), "out of their bands: " + out + "\n" + table);
    }

    /** 一个项目、一名领导、一个专班: the 109 + 15 accountability projects each have a task force of their own. */
    @Test
    void everyAccountabilityProjectHasItsOwnLeaderAndTaskForce(SampleSystem system) throws Exception {
        JsonNode assignments = system.tracker().json("/api/v1/assignments");
        Set<String> taskForces = new HashSet<>();
        Set<String> leaders = new HashSet<>();
        for (JsonNode assignment : assignments) {
            taskForces.add(assignment.at("/taskForce/name").asText());
            leaders.add(assignment.at("/leader/name").asText());
        }
        assertEquals(124, assignments.size(), "109 projects over 1亿 a year and 15 key conversion projects");
        assertEquals(124, taskForces.size(), "a task force of its own for each");
        assertTrue(leaders.size() >= 8 && leaders.size() < 124, "district leaders answer for several: " + leaders);
        assertEquals(
                0,
                system.tracker()
                        .json("/api/v1/flags?rule=MISSING_ACCOUNTABILITY")
                        .size(),
                "none is left without");
    }
}
