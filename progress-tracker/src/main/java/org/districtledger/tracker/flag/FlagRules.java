package org.districtledger.tracker.flag;

import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.TimeProportionalPlan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The flag rules of the domain brief, as one pure function of a project's facts and the business date: what
 * is found today, with its colour and a reason in Chinese. Raising, escalating and clearing are
 * {@link FlagService}'s.
 */
public final class FlagRules {

    private final FlagSettings settings;

    public FlagRules(FlagSettings settings) {
        this.settings = settings;
    }

    public List<Finding> evaluate(ProjectFacts project, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        if (!project.pool().inFunnel()) {
            return findings;
        }
        stalledStart(project, asOf, findings);
        silent(project, asOf, findings);
        laggingInvestment(project, asOf, findings);
        stuckConversion(project, asOf, findings);
        overdueProcedures(project, asOf, findings);
        missingAccountability(project, asOf, findings);
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
        long late = ChronoUnit.DAYS.between(p.plannedStart(), asOf);
        Colour colour = colour(
                late,
                settings.stalledStart().yellowDays(),
                settings.stalledStart().redDays());
        if (colour != null) {
            findings.add(new Finding(
                    Rule.STALLED_START, "", colour, "计划开工日期 " + p.plannedStart() + "，已逾期 " + late + " 天未开工"));
        }
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
        Colour colour =
                colour(weeks, settings.silent().yellowWeeks(), settings.silent().redWeeks());
        if (colour != null) {
            findings.add(new Finding(Rule.SILENT, "", colour, reason + "，已 " + weeks + " 周未报送"));
        }
    }

    private void laggingInvestment(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.pool() != Pool.BUILDING || p.annualPlan().signum() <= 0 || asOf.getYear() < p.planYear()) {
            return;
        }
        if (TimeProportionalPlan.daysElapsed(p.planYear(), asOf)
                <= settings.laggingInvestment().graceDays()) {
            return;
        }
        BigDecimal due = TimeProportionalPlan.due(p.annualPlan(), p.planYear(), asOf);
        if (due.signum() <= 0) {
            return;
        }
        BigDecimal ratio = p.completedPlanYear().divide(due, 6, RoundingMode.HALF_UP);
        Colour colour = ratio.compareTo(settings.laggingInvestment().redBelow()) < 0
                ? Colour.RED
                : ratio.compareTo(settings.laggingInvestment().yellowBelow()) < 0 ? Colour.YELLOW : null;
        if (colour != null) {
            String percent = ratio.multiply(BigDecimal.valueOf(100))
                    .setScale(1, RoundingMode.HALF_UP)
                    .toPlainString();
            findings.add(new Finding(
                    Rule.LAGGING_INVESTMENT,
                    "",
                    colour,
                    "年度计划投资 " + p.annualPlan().setScale(2).toPlainString() + " 万元，按序时应完成 "
                            + due.toPlainString() + " 万元，实际完成 "
                            + p.completedPlanYear().setScale(2).toPlainString()
                            + " 万元（" + percent + "%）"));
        }
    }

    private void stuckConversion(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.poolSince() == null) {
            return;
        }
        FlagSettings.StuckConversion limits = settings.stuckConversion();
        int yellow;
        int red;
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
            }
            default -> {
                return;
            }
        }
        long days = ChronoUnit.DAYS.between(p.poolSince(), asOf);
        Colour colour = colour(days, yellow, red);
        if (colour != null) {
            findings.add(new Finding(
                    Rule.STUCK_CONVERSION,
                    "",
                    colour,
                    "自 " + p.poolSince() + " 在" + p.pool().label() + "已 " + days + " 天，超过 "
                            + (colour == Colour.RED ? red : yellow) + " 天的转化时限"));
        }
    }

    private void overdueProcedures(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        for (ProjectFacts.Procedure procedure : p.procedures()) {
            if (procedure.targetDate() == null || procedure.status().settled()) {
                continue;
            }
            long late = ChronoUnit.DAYS.between(procedure.targetDate(), asOf);
            Colour colour = colour(
                    late,
                    settings.overdueProcedure().yellowDays(),
                    settings.overdueProcedure().redDays());
            if (colour != null) {
                findings.add(new Finding(
                        Rule.OVERDUE_PROCEDURE,
                        procedure.type(),
                        colour,
                        procedure.label() + " 目标办结日期 " + procedure.targetDate() + "，已超期 " + late + " 天"));
            }
        }
    }

    private void missingAccountability(ProjectFacts p, LocalDate asOf, List<Finding> findings) {
        if (p.assigned() || !needsAssignment(p.annualPlan(), p.totalInvestment(), p.keyConversion())) {
            return;
        }
        long days = p.knownSince() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(p.knownSince(), asOf));
        Colour colour = days >= settings.accountability().redDays() ? Colour.RED : Colour.YELLOW;
        String why = p.annualPlan().compareTo(settings.accountability().annualPlanOver()) > 0
                ? "年度计划投资 " + p.annualPlan().setScale(2).toPlainString() + " 万元"
                : "重点转化项目，总投资 " + p.totalInvestment().setScale(2).toPlainString() + " 万元";
        findings.add(new Finding(Rule.MISSING_ACCOUNTABILITY, "", colour, why + "，须落实一名包联区领导和一个工作专班，尚未落实"));
    }

    private static Colour colour(long amount, int yellow, int red) {
        if (amount >= red) {
            return Colour.RED;
        }
        return amount >= yellow ? Colour.YELLOW : null;
    }
}
