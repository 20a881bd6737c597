package org.districtledger.tracker.flag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The flag rules, each with the version of its logic and its name as the project office says it. Thresholds are
 * configuration ({@link FlagSettings}); a flag records the version of the rule's {@link #definition} it was computed
 * by, which changes when the logic or a threshold does (see {@link RuleVersions}).
 */
public enum Rule {
    STALLED_START(1, "未按期开工"),
    SILENT(1, "长期未报"),
    /** 2: against the project's own time-proportional plan, from its start or 1 January, whichever is later. */
    LAGGING_INVESTMENT(2, "投资滞后"),
    /** 2: a project in PREPARING counts from its planned start, not from its entry into the pool. */
    STUCK_CONVERSION(2, "转化停滞"),
    OVERDUE_PROCEDURE(1, "手续超期"),
    MISSING_ACCOUNTABILITY(1, "包联缺失"),
    LATE_COMPLETION(1, "逾期未竣工"),
    KEY_CONVERSION_OVERDUE(1, "重点转化逾期");

    private final int logic;
    private final String label;

    Rule(int logic, String label) {
        this.logic = logic;
        this.label = label;
    }

    /** The version of the rule's logic: raise it when the code of the rule changes what it finds. */
    public int logic() {
        return logic;
    }

    public String label() {
        return label;
    }

    /** The thresholds of this rule under these settings, by their configuration names. */
    public Map<String, Object> thresholds(FlagSettings s) {
        Map<String, Object> t = new LinkedHashMap<>();
        switch (this) {
            case STALLED_START -> {
                t.put("yellow-days", s.stalledStart().yellowDays());
                t.put("red-days", s.stalledStart().redDays());
            }
            case SILENT -> {
                t.put("yellow-weeks", s.silent().yellowWeeks());
                t.put("red-weeks", s.silent().redWeeks());
            }
            case LAGGING_INVESTMENT -> {
                t.put(
                        "yellow-below",
                        s.laggingInvestment().yellowBelow().stripTrailingZeros().toPlainString());
                t.put(
                        "red-below",
                        s.laggingInvestment().redBelow().stripTrailingZeros().toPlainString());
                t.put("grace-days", s.laggingInvestment().graceDays());
            }
            case STUCK_CONVERSION -> {
                FlagSettings.StuckConversion c = s.stuckConversion();
                t.put("planning-yellow-days", c.planningYellowDays());
                t.put("planning-red-days", c.planningRedDays());
                t.put("reserve-yellow-days", c.reserveYellowDays());
                t.put("reserve-red-days", c.reserveRedDays());
                t.put("preparing-yellow-days", c.preparingYellowDays());
                t.put("preparing-red-days", c.preparingRedDays());
            }
            case OVERDUE_PROCEDURE -> {
                t.put("yellow-days", s.overdueProcedure().yellowDays());
                t.put("red-days", s.overdueProcedure().redDays());
            }
            case MISSING_ACCOUNTABILITY -> {
                t.put(
                        "annual-plan-over",
                        s.accountability().annualPlanOver().stripTrailingZeros().toPlainString());
                t.put(
                        "key-conversion-total-over",
                        s.accountability()
                                .keyConversionTotalOver()
                                .stripTrailingZeros()
                                .toPlainString());
                t.put("red-days", s.accountability().redDays());
            }
            case LATE_COMPLETION -> {
                t.put("yellow-days", s.lateCompletion().yellowDays());
                t.put("red-days", s.lateCompletion().redDays());
            }
            case KEY_CONVERSION_OVERDUE -> {
                t.put("yellow-days", s.keyConversion().yellowDays());
                t.put("red-days", s.keyConversion().redDays());
            }
        }
        return t;
    }

    /** What the rule computes by: its logic and its thresholds, e.g. {@code logic=1;yellow-days=14;red-days=30}. */
    public String definition(FlagSettings settings) {
        return "logic=" + logic + ";"
                + thresholds(settings).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(";"));
    }
}
