package org.districtledger.tracker.flag;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProcedureStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule with a fixed clock at and around its thresholds (the defaults of the domain brief). */
class FlagRulesTest {

    static FlagSettings settings(Map<String, String> overrides) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FlagSettings.class)
                .withDefaultValues(overrides)
                .build();
        return config.getConfigMapping(FlagSettings.class);
    }

    private final FlagRules rules = new FlagRules(settings(Map.of()));

    private static final LocalDate PLANNED = LocalDate.of(2023, 4, 15);

    @Test
    void stalledStartIsYellowFrom14DaysAndRedFrom30AndClearsWithTheStart() {
        ProjectFacts preparing = facts("PREPARING", PLANNED, null, LocalDate.of(2023, 1, 10), "2023-W30", List.of());
        assertNull(colour(preparing, PLANNED.plusDays(13), Rule.STALLED_START));
        assertEquals(Colour.YELLOW, colour(preparing, PLANNED.plusDays(14), Rule.STALLED_START));
        assertEquals(Colour.YELLOW, colour(preparing, PLANNED.plusDays(29), Rule.STALLED_START));
        assertEquals(Colour.RED, colour(preparing, PLANNED.plusDays(30), Rule.STALLED_START));
        assertEquals(
                "计划开工日期 2023-04-15，已逾期 32 天未开工",
                finding(preparing, PLANNED.plusDays(32), Rule.STALLED_START).reason());

        ProjectFacts started =
                facts("BUILDING", PLANNED, PLANNED.plusDays(31), LocalDate.of(2023, 5, 16), "2023-W30", List.of());
        assertNull(colour(started, PLANNED.plusDays(40), Rule.STALLED_START), "a start clears it");
    }

    @Test
    void silentIsYellowAfterTwoWeeksWithoutAReportAndRedAfterFour() {
        // 2023-W14 ends on Sunday 2023-04-09
        ProjectFacts building =
                facts("BUILDING", null, LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 1), "2023-W14", List.of());
        assertNull(colour(building, LocalDate.of(2023, 4, 22), Rule.SILENT));
        assertEquals(Colour.YELLOW, colour(building, LocalDate.of(2023, 4, 23), Rule.SILENT));
        assertEquals(Colour.YELLOW, colour(building, LocalDate.of(2023, 5, 6), Rule.SILENT));
        assertEquals(Colour.RED, colour(building, LocalDate.of(2023, 5, 7), Rule.SILENT));
        assertEquals(
                "最近一次周报为 2023-W14，已 4 周未报送",
                finding(building, LocalDate.of(2023, 5, 7), Rule.SILENT).reason());

        ProjectFacts reported =
                facts("BUILDING", null, LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 1), "2023-W18", List.of());
        assertNull(colour(reported, LocalDate.of(2023, 5, 7), Rule.SILENT), "a new report clears it");
        ProjectFacts planning = facts("PLANNING", null, null, LocalDate.of(2022, 6, 1), null, List.of());
        assertNull(colour(planning, LocalDate.of(2023, 5, 7), Rule.SILENT), "projects not under way do not report");
    }

    @Test
    void laggingInvestmentComparesWithTheTimeProportionalPlan() {
        // annual plan 36500, so the plan due on day N of 2023 is 100 × N; 2023-07-01 is day 182: 18200 due
        LocalDate day182 = LocalDate.of(2023, 7, 1);
        assertNull(colour(building("14560.00"), day182, Rule.LAGGING_INVESTMENT), "80% of 18200 is on plan");
        assertEquals(Colour.YELLOW, colour(building("14559.99"), day182, Rule.LAGGING_INVESTMENT));
        assertEquals(
                Colour.YELLOW, colour(building("9100.00"), day182, Rule.LAGGING_INVESTMENT), "50% is still yellow");
        assertEquals(Colour.RED, colour(building("9099.99"), day182, Rule.LAGGING_INVESTMENT));
        assertEquals(
                "年度计划投资 36500.00 万元，按序时应完成 18200.00 万元，实际完成 9000.00 万元（49.5%）",
                finding(building("9000.00"), day182, Rule.LAGGING_INVESTMENT).reason());
        assertNull(
                colour(building("0.00"), LocalDate.of(2023, 1, 28), Rule.LAGGING_INVESTMENT), "not in the grace days");
        assertEquals(Colour.RED, colour(building("0.00"), LocalDate.of(2023, 1, 29), Rule.LAGGING_INVESTMENT));
    }

    @Test
    void laggingInvestmentOfAProjectStartedInJuneCountsFromItsStart() {
        // started 2023-06-01: its plan runs 214 days to 31 December, so 21400 due at 100 a day from then
        LocalDate start = LocalDate.of(2023, 6, 1);
        ProjectFacts june = startedOn(start, "0.00", "21400.00");
        assertNull(colour(june, start, Rule.LAGGING_INVESTMENT), "not red the day it starts");
        assertNull(colour(june, start.plusDays(27), Rule.LAGGING_INVESTMENT), "28 grace days from its start");
        assertEquals(Colour.RED, colour(june, start.plusDays(28), Rule.LAGGING_INVESTMENT));
        LocalDate day40 = start.plusDays(39); // 4000 due
        assertNull(colour(startedOn(start, "3200.00", "21400.00"), day40, Rule.LAGGING_INVESTMENT), "80% is on plan");
        assertEquals(Colour.YELLOW, colour(startedOn(start, "3199.99", "21400.00"), day40, Rule.LAGGING_INVESTMENT));
        assertEquals(Colour.YELLOW, colour(startedOn(start, "2000.00", "21400.00"), day40, Rule.LAGGING_INVESTMENT));
        assertEquals(Colour.RED, colour(startedOn(start, "1999.99", "21400.00"), day40, Rule.LAGGING_INVESTMENT));
        Finding finding = finding(startedOn(start, "1900.00", "21400.00"), day40, Rule.LAGGING_INVESTMENT);
        assertEquals("年度计划投资 21400.00 万元，自 2023-06-01 开工起按序时应完成 4000.00 万元，实际完成 1900.00 万元（47.5%）", finding.reason());
        assertEquals("4000.00", finding.inputs().get("due"));
        assertEquals("2023-06-01", finding.inputs().get("planFrom"));
        assertEquals("40", finding.inputs().get("daysElapsed"));
        assertEquals("0.4750", finding.inputs().get("ratio"));
        assertEquals("0.50", finding.inputs().get("redBelow"));

        // under the old rule (from 1 January) it would have owed 15100 on 2023-07-10 and been red
        ProjectFacts carriedOver = startedOn(LocalDate.of(2021, 3, 1), "3200.00", "21400.00");
        assertEquals(
                Colour.RED,
                colour(carriedOver, day40, Rule.LAGGING_INVESTMENT),
                "a carried-over project owes from 1 January");
    }

    @Test
    void stuckConversionInPreparingCountsFromThePlannedStart() {
        // 城区第五污水处理厂扩建: in the pool since January, planned to start in November
        LocalDate planned = LocalDate.of(2023, 11, 11);
        ProjectFacts plant = facts("PREPARING", planned, null, LocalDate.of(2023, 1, 10), "2023-W35", List.of());
        assertNull(
                colour(plant, LocalDate.of(2023, 9, 17), Rule.STUCK_CONVERSION), "250 days in the pool is no matter");
        assertNull(colour(plant, planned.plusDays(179), Rule.STUCK_CONVERSION));
        assertEquals(Colour.YELLOW, colour(plant, planned.plusDays(180), Rule.STUCK_CONVERSION));
        assertEquals(Colour.RED, colour(plant, planned.plusDays(270), Rule.STUCK_CONVERSION));
        assertEquals(
                "计划开工日期 2023-11-11 后仍在预备库已 200 天，超过 180 天的转化时限",
                finding(plant, planned.plusDays(200), Rule.STUCK_CONVERSION).reason());
        ProjectFacts unplanned = facts("PREPARING", null, null, LocalDate.of(2023, 1, 10), "2023-W35", List.of());
        assertEquals(
                Colour.YELLOW,
                colour(unplanned, LocalDate.of(2023, 1, 10).plusDays(180), Rule.STUCK_CONVERSION),
                "without a planned start, from its entry into the pool");
    }

    @Test
    void lateCompletionIsYellowTheDayAfterThePlannedCompletionAndRedAfter90Days() {
        LocalDate planned = LocalDate.of(2023, 6, 30);
        ProjectFacts building = building("2000.00").withCompletion(planned, null);
        assertNull(colour(building, planned, Rule.LATE_COMPLETION));
        assertEquals(Colour.YELLOW, colour(building, planned.plusDays(1), Rule.LATE_COMPLETION));
        assertEquals(Colour.YELLOW, colour(building, planned.plusDays(89), Rule.LATE_COMPLETION));
        assertEquals(Colour.RED, colour(building, planned.plusDays(90), Rule.LATE_COMPLETION));
        Finding finding = finding(building, planned.plusDays(12), Rule.LATE_COMPLETION);
        assertEquals("计划竣工日期 2023-06-30，已逾期 12 天未竣工", finding.reason());
        assertEquals("12", finding.inputs().get("daysLate"));

        ProjectFacts completed = building("0.00").withCompletion(planned, planned.plusDays(20));
        LocalDate later = planned.plusDays(100);
        assertNull(colour(completed, later, Rule.LATE_COMPLETION), "completion clears it");
        assertNull(colour(completed, later, Rule.LAGGING_INVESTMENT), "a completed project owes no more investment");
        assertNull(colour(completed, later, Rule.SILENT), "nor weekly reports");
        ProjectFacts preparing = facts("PREPARING", PLANNED, null, LocalDate.of(2023, 1, 10), "2023-W30", List.of())
                .withCompletion(planned, null);
        assertNull(colour(preparing, later, Rule.LATE_COMPLETION), "only projects under construction");
    }

    @Test
    void keyConversionProjectsAreFlaggedWhenTheirTargetDatePassesUntilTheyReachTheTargetPool() {
        LocalDate target = LocalDate.of(2023, 9, 30);
        ProjectFacts reserve = facts("RESERVE", null, null, LocalDate.of(2023, 3, 1), null, List.of())
                .withConversionTarget(Pool.PREPARING, target);
        assertNull(colour(reserve, target, Rule.KEY_CONVERSION_OVERDUE));
        assertEquals(Colour.YELLOW, colour(reserve, target.plusDays(1), Rule.KEY_CONVERSION_OVERDUE));
        assertEquals(Colour.YELLOW, colour(reserve, target.plusDays(29), Rule.KEY_CONVERSION_OVERDUE));
        assertEquals(Colour.RED, colour(reserve, target.plusDays(30), Rule.KEY_CONVERSION_OVERDUE));
        assertEquals(
                "重点转化项目，目标 2023-09-30 前转入预备库，现仍在储备库，已逾期 5 天",
                finding(reserve, target.plusDays(5), Rule.KEY_CONVERSION_OVERDUE)
                        .reason());
        ProjectFacts converted = facts("PREPARING", LocalDate.of(2023, 12, 1), null, target, null, List.of())
                .withConversionTarget(Pool.PREPARING, target);
        assertNull(colour(converted, target.plusDays(40), Rule.KEY_CONVERSION_OVERDUE), "the target pool reached");
        ProjectFacts beyond = facts("BUILDING", null, target, target, "2023-W45", List.of())
                .withConversionTarget(Pool.PREPARING, target);
        assertNull(colour(beyond, target.plusDays(40), Rule.KEY_CONVERSION_OVERDUE), "or passed");
    }

    @Test
    void aRulesDefinitionChangesWithItsLogicAndEveryThreshold() {
        String defaults = Rule.STALLED_START.definition(settings(Map.of()));
        assertEquals("logic=1;yellow-days=14;red-days=30", defaults);
        assertEquals(
                defaults, Rule.STALLED_START.definition(settings(Map.of())), "the same settings, the same definition");
        assertTrue(!defaults.equals(
                Rule.STALLED_START.definition(settings(Map.of("ledger.flags.stalled-start.red-days", "31")))));
        assertTrue(!defaults.equals(
                Rule.STALLED_START.definition(settings(Map.of("ledger.flags.stalled-start.yellow-days", "13")))));
        assertEquals(
                "logic=2;yellow-below=0.8;red-below=0.5;grace-days=28",
                Rule.LAGGING_INVESTMENT.definition(settings(Map.of())),
                "the logic version is part of it");
        assertEquals(
                Rule.LAGGING_INVESTMENT.definition(settings(Map.of())),
                Rule.LAGGING_INVESTMENT.definition(
                        settings(Map.of("ledger.flags.lagging-investment.red-below", "0.500"))),
                "0.5 and 0.500 are the same threshold");
        for (Rule rule : Rule.values()) {
            assertFalse(rule.thresholds(settings(Map.of())).isEmpty(), rule + " has thresholds");
        }
    }

    @Test
    void stuckConversionByDaysInThePool() {
        LocalDate since = LocalDate.of(2022, 1, 1);
        ProjectFacts reserve = facts("RESERVE", null, null, since, null, List.of());
        assertNull(colour(reserve, since.plusDays(269), Rule.STUCK_CONVERSION));
        assertEquals(Colour.YELLOW, colour(reserve, since.plusDays(270), Rule.STUCK_CONVERSION));
        assertEquals(Colour.RED, colour(reserve, since.plusDays(365), Rule.STUCK_CONVERSION));
        assertEquals(
                "自 2022-01-01 在储备库已 300 天，超过 270 天的转化时限",
                finding(reserve, since.plusDays(300), Rule.STUCK_CONVERSION).reason());
        ProjectFacts building = facts("BUILDING", null, since, since, "2023-W01", List.of());
        assertNull(colour(building, since.plusDays(900), Rule.STUCK_CONVERSION), "building is the last pool");
    }

    @Test
    void overdueProcedureOnePerPermitUntilItIsDone() {
        LocalDate target = LocalDate.of(2023, 3, 31);
        ProjectFacts project = facts(
                "PREPARING",
                LocalDate.of(2023, 9, 1),
                null,
                LocalDate.of(2023, 1, 1),
                "2023-W20",
                List.of(
                        new ProjectFacts.Procedure("CONSTRUCTION_PERMIT", "施工许可证", ProcedureStatus.IN_PROGRESS, target),
                        new ProjectFacts.Procedure("ENERGY_ASSESSMENT", "能评", ProcedureStatus.DONE, target)));
        assertNull(colour(project, target, Rule.OVERDUE_PROCEDURE));
        assertEquals(Colour.YELLOW, colour(project, target.plusDays(1), Rule.OVERDUE_PROCEDURE));
        assertEquals(Colour.RED, colour(project, target.plusDays(30), Rule.OVERDUE_PROCEDURE));
        Finding finding = finding(project, target.plusDays(12), Rule.OVERDUE_PROCEDURE);
        assertEquals("CONSTRUCTION_PERMIT", finding.subject());
        assertEquals("施工许可证 目标办结日期 2023-03-31，已超期 12 天", finding.reason());
        assertEquals(
                1,
                rules.evaluate(project, target.plusDays(12)).stream()
                        .filter(f -> f.rule() == Rule.OVERDUE_PROCEDURE)
                        .count(),
                "a done permit is not overdue");
    }

    @Test
    void missingAccountabilityForBigProjectsYellowThenRed() {
        LocalDate known = LocalDate.of(2023, 2, 1);
        ProjectFacts big = new ProjectFacts(
                "WQ-2023-0001",
                Pool.BUILDING,
                2023,
                new BigDecimal("90000.00"),
                new BigDecimal("10000.01"),
                new BigDecimal("99999"),
                null,
                known,
                known,
                "2023-W10",
                false,
                known,
                false,
                List.of(),
                null,
                null,
                null,
                null);
        assertEquals(Colour.YELLOW, colour(big, known.plusDays(13), Rule.MISSING_ACCOUNTABILITY));
        assertEquals(Colour.RED, colour(big, known.plusDays(14), Rule.MISSING_ACCOUNTABILITY));
        ProjectFacts assigned = new ProjectFacts(
                "WQ-2023-0001",
                Pool.BUILDING,
                2023,
                new BigDecimal("90000.00"),
                new BigDecimal("10000.01"),
                new BigDecimal("99999"),
                null,
                known,
                known,
                "2023-W10",
                false,
                known,
                true,
                List.of(),
                null,
                null,
                null,
                null);
        assertNull(colour(assigned, known.plusDays(20), Rule.MISSING_ACCOUNTABILITY), "an assignment clears it");

        assertFalse(
                rules.needsAssignment(new BigDecimal("10000.00"), new BigDecimal("200000"), false),
                "exactly 1亿 is not over");
        assertTrue(rules.needsAssignment(new BigDecimal("10000.01"), new BigDecimal("20000"), false));
        assertTrue(
                rules.needsAssignment(new BigDecimal("500.00"), new BigDecimal("100000.01"), true),
                "key conversion over 10亿");
        assertFalse(rules.needsAssignment(new BigDecimal("500.00"), new BigDecimal("100000.01"), false));
    }

    @Test
    void thresholdsComeFromConfiguration() {
        FlagRules strict = new FlagRules(settings(
                Map.of("ledger.flags.stalled-start.yellow-days", "3", "ledger.flags.stalled-start.red-days", "7")));
        ProjectFacts preparing = facts("PREPARING", PLANNED, null, LocalDate.of(2023, 1, 10), "2023-W30", List.of());
        assertEquals(
                Colour.YELLOW,
                strict.evaluate(preparing, PLANNED.plusDays(3)).stream()
                        .filter(f -> f.rule() == Rule.STALLED_START)
                        .findFirst()
                        .orElseThrow()
                        .colour());
        assertEquals(
                Colour.RED,
                strict.evaluate(preparing, PLANNED.plusDays(7)).stream()
                        .filter(f -> f.rule() == Rule.STALLED_START)
                        .findFirst()
                        .orElseThrow()
                        .colour());
    }

    @Test
    void rulesThatContradictThemselvesAreNamedByTheirKeys() {
        List<String> problems = FlagSettingsCheck.problems(settings(Map.of(
                "ledger.flags.stalled-start.yellow-days",
                "30",
                "ledger.flags.stalled-start.red-days",
                "14",
                "ledger.flags.lagging-investment.red-below",
                "0.9")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("ledger.flags.stalled-start.red-days (14)"), problems.get(0));
        assertTrue(problems.get(1).contains("ledger.flags.lagging-investment.red-below"), problems.get(1));
        assertTrue(FlagSettingsCheck.problems(settings(Map.of())).isEmpty(), "the defaults make sense");
    }

    private ProjectFacts building(String completed) {
        return new ProjectFacts(
                "WQ-2023-0002",
                Pool.BUILDING,
                2023,
                new BigDecimal("90000.00"),
                new BigDecimal("36500.00"),
                new BigDecimal(completed),
                null,
                LocalDate.of(2022, 5, 1),
                LocalDate.of(2022, 5, 1),
                "2023-W26",
                false,
                LocalDate.of(2022, 5, 1),
                true,
                List.of(),
                null,
                null,
                null,
                null);
    }

    private static ProjectFacts startedOn(LocalDate start, String completed, String annualPlan) {
        return new ProjectFacts(
                "WQ-2023-0004",
                Pool.BUILDING,
                2023,
                new BigDecimal("90000.00"),
                new BigDecimal(annualPlan),
                new BigDecimal(completed),
                start.minusDays(10),
                start,
                start,
                "2023-W40",
                false,
                start,
                true,
                List.of(),
                null,
                null,
                null,
                null);
    }

    private static ProjectFacts facts(
            String pool,
            LocalDate plannedStart,
            LocalDate actualStart,
            LocalDate poolSince,
            String lastWeek,
            List<ProjectFacts.Procedure> procedures) {
        return new ProjectFacts(
                "WQ-2023-0003",
                Pool.valueOf(pool),
                2023,
                new BigDecimal("5000.00"),
                new BigDecimal("2000.00"),
                new BigDecimal("2000.00"),
                plannedStart,
                actualStart,
                poolSince,
                lastWeek,
                false,
                poolSince,
                true,
                procedures,
                null,
                null,
                null,
                null);
    }

    private Finding finding(ProjectFacts project, LocalDate asOf, Rule rule) {
        return rules.evaluate(project, asOf).stream()
                .filter(f -> f.rule() == rule)
                .findFirst()
                .orElse(null);
    }

    private Colour colour(ProjectFacts project, LocalDate asOf, Rule rule) {
        Finding finding = finding(project, asOf, rule);
        return finding == null ? null : finding.colour();
    }
}
