package org.districtledger.tracker.flag;

import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.TimeProportionalPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The flag rules of the domain brief, as one pure function of a project's facts and the business date: what
 * is found today, with its colour, a reason in Chinese and the figures behind it. Raising, escalating and clearing
 * are {@link FlagService}'s.
 */
public final class FlagRules {

    private final FlagSettings settings;

    public FlagRules(FlagSettings settings) {
        this.settings = settings;
    }

    public FlagSettings settings() {
        return settings;
    }

    public List<Finding> evaluate(ProjectFacts project, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        if (!project.pool().inFunnel()) {
            return findings;
        }
        overdueProcedures(project, asOf, findings);
        if (project.completed()) {
            return findings; // 竣工: nothing more to report, invest or start; only unfinished permits remain
        }
        stalledStart(project, asOf, findings);
        silent(project, asOf, findings);
        laggingInvestment(project, asOf, findings);
        stuckConversion(project, asOf, findings);
        missingAccountability(project, asOf, findings);
        lateCompletion(project, asOf, findings);
        keyConversionOverdue(project, asOf, findings);
        return findings;
    }

    /** Whether a project needs one leader and one task force (包联). */
    public boolean needsAssignment(BigDecimal annualPlan, BigDecimal totalInvestment, boolean keyConversion) {
        FlagSettings.Accountability rule = settings.accountability();
        return annualPlan.compareTo(rule.annualPlanOver()) > 0
                || (keyConversion && totalInvestment.compareTo(rule.keyConversionTotalOver()) > 0);
    }

    private void stalledStart(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.pool() != Pool.PREPARING || p.actualStart() != null || p.plannedStart() == null) {
            return;
        }
        FlagSettings.StalledStart limits = settings.stalledStart();
        late(
                findings,
                Rule.STALLED_START,
                "",
                p.plannedStart(),
                asOf,
                limits.yellowDays(),
                limits.redDays(),
                late -> "计划开工日期 " + p.plannedStart() + "，已逾期 " + late + " 天未开工",
                "plannedStart",
                p.plannedStart());
    }

    private void silent(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (!p.pool().reportsWeekly()) {
            return;
        }
        LocalDate since;
        String reason;
        if (p.lastReportedWeek() != null) {
            since = IsoWeek.parse(p.lastReportedWeek(), "lastReportedWeek").sunday();
            reason = "最近一次周报为 " + p.lastReportedWeek();
        } else {
            since = p.poolSince() != null ? p.poolSince() : p.knownSince();
            reason = "自 " + since + " 入库以来未报送周报";
        }
        long weeks = ChronoUnit.DAYS.between(since, asOf) / 7;
        int yellow = settings.silent().yellowWeeks();
        int red = settings.silent().redWeeks();
        Colour colour = colour(weeks, yellow, red);
        if (colour != null) {
            findings.add(finding(
                    Rule.SILENT,
                    "",
                    colour,
                    reason + "，已 " + weeks + " 周未报送",
                    inputs(
                            "lastReportedWeek",
                            p.lastReportedWeek(),
                            "silentSince",
                            since,
                            "weeksSilent",
                            weeks,
                            "yellowWeeks",
                            yellow,
                            "redWeeks",
                            red)));
        }
    }

    /**
     * 投资滞后: the plan year's investment against the project's own 序时进度, from its start or 1 January, whichever
     * is later (a project that starts in June owes nothing for the months before it), after some grace days.
     */
    private void laggingInvestment(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.pool() != Pool.BUILDING || p.annualPlan().signum() <= 0 || asOf.getYear() < p.planYear()) {
            return;
        }
        long elapsed = TimeProportionalPlan.daysElapsed(p.planYear(), p.actualStart(), asOf);
        FlagSettings.LaggingInvestment limits = settings.laggingInvestment();
        if (elapsed <= limits.graceDays()) {
            return;
        }
        BigDecimal due = TimeProportionalPlan.due(p.annualPlan(), p.planYear(), p.actualStart(), asOf);
        if (due.signum() <= 0) {
            return;
        }
        BigDecimal ratio = p.completedPlanYear().divide(due, 6, RoundingMode.HALF_UP);
        Colour colour = ratio.compareTo(limits.redBelow()) < 0
                ? Colour.RED
                : ratio.compareTo(limits.yellowBelow()) < 0 ? Colour.YELLOW : null;
        if (colour == null) {
            return;
        }
        String percent = ratio.multiply(BigDecimal.valueOf(100))
                .setScale(1, RoundingMode.HALF_UP)
                .toPlainString();
        LocalDate from = TimeProportionalPlan.from(p.planYear(), p.actualStart());
        String counted = from.equals(LocalDate.of(p.planYear(), 1, 1)) ? "" : "自 " + from + " 开工起";
        findings.add(finding(
                Rule.LAGGING_INVESTMENT,
                "",
                colour,
                "年度计划投资 " + p.annualPlan().setScale(2).toPlainString() + " 万元，" + counted + "按序时应完成 "
                        + due.toPlainString() + " 万元，实际完成 "
                        + p.completedPlanYear().setScale(2).toPlainString() + " 万元（" + percent + "%）",
                inputs(
                        "annualPlan",
                        p.annualPlan().setScale(2),
                        "planFrom",
                        from,
                        "daysElapsed",
                        elapsed,
                        "due",
                        due,
                        "completed",
                        p.completedPlanYear().setScale(2),
                        "ratio",
                        ratio.setScale(4, RoundingMode.HALF_UP),
                        "yellowBelow",
                        limits.yellowBelow(),
                        "redBelow",
                        limits.redBelow(),
                        "graceDays",
                        limits.graceDays())));
    }

    /**
     * 转化停滞: days in the pool beyond its dwell limit; in PREPARING the clock starts at the planned start (a project
     * planned for November is not stuck in March), or at its entry into the pool when it has no planned start.
     */
    private void stuckConversion(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        FlagSettings.StuckConversion limits = settings.stuckConversion();
        int yellow;
        int red;
        LocalDate from = p.poolSince();
        switch (p.pool()) {
            case PLANNING -> {
                yellow = limits.planningYellowDays();
                red = limits.planningRedDays();
            }
            case RESERVE -> {
                yellow = limits.reserveYellowDays();
                red = limits.reserveRedDays();
            }
            case PREPARING -> {
                yellow = limits.preparingYellowDays();
                red = limits.preparingRedDays();
                if (p.plannedStart() != null) {
                    from = p.plannedStart();
                }
            }
            default -> {
                return;
            }
        }
        if (from == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(from, asOf);
        Colour colour = colour(days, yellow, red);
        if (colour == null) {
            return;
        }
        String counted = from.equals(p.plannedStart())
                ? "计划开工日期 " + from + " 后仍在" + p.pool().label() + "已 " + days + " 天"
                : "自 " + from + " 在" + p.pool().label() + "已 " + days + " 天";
        findings.add(finding(
                Rule.STUCK_CONVERSION,
                "",
                colour,
                counted + "，超过 " + (colour == Colour.RED ? red : yellow) + " 天的转化时限",
                inputs("pool", p.pool(), "countedFrom", from, "days", days, "yellowDays", yellow, "redDays", red)));
    }

    private void overdueProcedures(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        FlagSettings.OverdueProcedure limits = settings.overdueProcedure();
        for (ProjectFacts.Procedure procedure : p.procedures()) {
            if (procedure.targetDate() == null || procedure.status().settled()) {
                continue;
            }
            late(
                    findings,
                    Rule.OVERDUE_PROCEDURE,
                    procedure.type(),
                    procedure.targetDate(),
                    asOf,
                    limits.yellowDays(),
                    limits.redDays(),
                    late -> procedure.label() + " 目标办结日期 " + procedure.targetDate() + "，已超期 " + late + " 天",
                    "procedure",
                    procedure.type(),
                    "status",
                    procedure.status(),
                    "targetDate",
                    procedure.targetDate());
        }
    }

    private void missingAccountability(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.assigned() || !needsAssignment(p.annualPlan(), p.totalInvestment(), p.keyConversion())) {
            return;
        }
        long days = p.knownSince() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(p.knownSince(), asOf));
        FlagSettings.Accountability limits = settings.accountability();
        Colour colour = days >= limits.redDays() ? Colour.RED : Colour.YELLOW;
        boolean byPlan = p.annualPlan().compareTo(limits.annualPlanOver()) > 0;
        String why = byPlan
                ? "年度计划投资 " + p.annualPlan().setScale(2).toPlainString() + " 万元"
                : "重点转化项目，总投资 " + p.totalInvestment().setScale(2).toPlainString() + " 万元";
        findings.add(finding(
                Rule.MISSING_ACCOUNTABILITY,
                "",
                colour,
                why + "，须落实一名包联区领导和一个工作专班，尚未落实",
                inputs(
                        "annualPlan",
                        p.annualPlan().setScale(2),
                        "totalInvestment",
                        p.totalInvestment().setScale(2),
                        "keyConversion",
                        p.keyConversion(),
                        "knownSince",
                        p.knownSince(),
                        "daysMissing",
                        days,
                        "redDays",
                        limits.redDays())));
    }

    /** 逾期未竣工: a project under construction past its planned completion. */
    private void lateCompletion(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.pool() != Pool.BUILDING || p.plannedCompletion() == null) {
            return;
        }
        FlagSettings.LateCompletion limits = settings.lateCompletion();
        late(
                findings,
                Rule.LATE_COMPLETION,
                "",
                p.plannedCompletion(),
                asOf,
                limits.yellowDays(),
                limits.redDays(),
                late -> "计划竣工日期 " + p.plannedCompletion() + "，已逾期 " + late + " 天未竣工",
                "plannedCompletion",
                p.plannedCompletion());
    }

    /** 重点转化逾期: a key conversion project that has not reached its target pool by its target date. */
    private void keyConversionOverdue(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        Pool target = p.conversionTargetPool();
        if (!p.keyConversion() || target == null || p.conversionTargetDate() == null || !target.inFunnel()) {
            return;
        }
        if (Pool.FUNNEL.indexOf(p.pool()) >= Pool.FUNNEL.indexOf(target)) {
            return; // reached
        }
        FlagSettings.KeyConversion limits = settings.keyConversion();
        late(
                findings,
                Rule.KEY_CONVERSION_OVERDUE,
                "",
                p.conversionTargetDate(),
                asOf,
                limits.yellowDays(),
                limits.redDays(),
                late -> "重点转化项目，目标 " + p.conversionTargetDate() + " 前转入" + target.label() + "，现仍在"
                        + p.pool().label() + "，已逾期 " + late + " 天",
                "pool",
                p.pool(),
                "targetPool",
                target,
                "targetDate",
                p.conversionTargetDate());
    }

    /**
     * A finding of a rule that counts days past a date: yellow and red from their thresholds of days, with the
     * reason for the days late and the figures behind it (the facts given, then the days late and the thresholds).
     */
    private static void late(
            List<Finding> findings,
            Rule rule,
            String subject,
            LocalDate due,
            LocalDate asOf,
            int yellow,
            int red,
            LongFunction<String> reason,
            Object... facts) {
        long late = ChronoUnit.DAYS.between(due, asOf);
        Colour colour = colour(late, yellow, red);
        if (colour == null) {
            return;
        }
        Object[] pairs = Arrays.copyOf(facts, facts.length + 6);
        pairs[facts.length] = "daysLate";
        pairs[facts.length + 1] = late;
        pairs[facts.length + 2] = "yellowDays";
        pairs[facts.length + 3] = yellow;
        pairs[facts.length + 4] = "redDays";
        pairs[facts.length + 5] = red;
        findings.add(finding(rule, subject, colour, reason.apply(late), inputs(pairs)));
    }

    private static Finding finding(
            Rule rule, String subject, Colour colour, String reason, Map<String, String> inputs) {
        return new Finding(rule, subject, colour, reason, inputs);
    }

    /** Name–value pairs in the order given, each value as text (decimals plain, dates ISO); nulls left out. */
    private static Map<String, String> inputs(Object... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                map.put(
                        (String) pairs[i],
                        value instanceof BigDecimal number ? number.toPlainString() : value.toString());
            }
        }
        return map;
    }

    private static Colour colour(long amount, int yellow, int red) {
        if (amount >= red) {
            return Colour.RED;
        }
        return amount >= yellow ? Colour.YELLOW : null;
    }
}
