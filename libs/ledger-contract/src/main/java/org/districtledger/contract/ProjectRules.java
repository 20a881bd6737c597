package org.districtledger.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the ledger's values must satisfy, wherever they come from (the API, an imported sheet, the sample): one
 * definition, each broken rule named by its API field with the reason in Chinese (pages, sheets) and English (API).
 */
public final class ProjectRules {

    /** A broken rule: the field (as the API names it) and why, in both languages. */
    public record Violation(String field, String reasonZh, String reasonEn) {}

    private ProjectRules() {}

    /** The values any project in {@code pool} may hold: the plan within the total, dates in order, a plan-year start when preparing. */
    public static List<Violation> values(
            Pool pool,
            int planYear,
            BigDecimal totalInvestment,
            BigDecimal annualPlanInvestment,
            LocalDate plannedStart,
            LocalDate plannedCompletion) {
        List<Violation> broken = new ArrayList<>();
        if (annualPlanInvestment != null
                && totalInvestment != null
                && annualPlanInvestment.compareTo(totalInvestment) > 0) {
            broken.add(new Violation("annualPlanInvestment", "年度计划投资不能大于总投资", "must not exceed totalInvestment"));
        }
        if (plannedStart != null && plannedCompletion != null && plannedCompletion.isBefore(plannedStart)) {
            broken.add(new Violation("plannedCompletion", "计划竣工时间早于计划开工时间", "must not be before plannedStart"));
        }
        if (pool == Pool.PREPARING && (plannedStart == null || plannedStart.getYear() != planYear)) {
            broken.add(new Violation(
                    "plannedStart",
                    "预备库项目的计划开工时间应在计划年度（" + planYear + "）内",
                    "a project in PREPARING needs a planned start date in the plan year " + planYear));
        }
        return broken;
    }

    /**
     * A conversion target (转化目标) is for a key conversion project: the pool it is to reach and the date by which it
     * is to get there, both or neither. (Reached, it stays on the record; the tracker flags only a target missed.)
     */
    public static List<Violation> conversionTarget(boolean keyConversion, Pool targetPool, LocalDate targetDate) {
        if (targetPool == null && targetDate == null) {
            return List.of();
        }
        List<Violation> broken = new ArrayList<>();
        if (!keyConversion) {
            broken.add(new Violation(
                    "conversionTargetPool",
                    "只有重点转化项目才设转化目标",
                    "only a key conversion project (keyConversion) has a conversion target"));
        } else if (targetPool == null) {
            broken.add(new Violation(
                    "conversionTargetPool", "已填转化目标日期，须同时填写转化目标库", "is required with conversionTargetDate"));
        } else if (targetDate == null) {
            broken.add(new Violation(
                    "conversionTargetDate", "已填转化目标库，须同时填写转化目标日期", "is required with conversionTargetPool"));
        } else if (!targetPool.inFunnel() || targetPool == Pool.PLANNING) {
            broken.add(new Violation(
                    "conversionTargetPool", "转化目标库应为储备库、预备库或建设库", "must be one of RESERVE, PREPARING, BUILDING"));
        }
        return broken;
    }

    /** A start date in BUILDING, and none in the pools before it. */
    public static List<Violation> start(Pool pool, LocalDate actualStart) {
        if (pool == Pool.BUILDING && actualStart == null) {
            return List.of(new Violation(
                    "actualStart", "建设库项目应填写实际开工时间", "a project in BUILDING has started: give its start date"));
        }
        if (pool.inFunnel() && pool != Pool.BUILDING && actualStart != null) {
            return List.of(new Violation(
                    "actualStart", pool.label() + "的项目尚未开工，不应填写实际开工时间", "a project in " + pool + " has not started"));
        }
        return List.of();
    }

    /** A new project enters the ledger in one of the four pools. */
    public static List<Violation> entry(Pool pool) {
        if (pool == null || !pool.inFunnel()) {
            return List.of(new Violation(
                    "pool",
                    "新入库项目只能进入谋划库、储备库、预备库或建设库",
                    "a new project enters one of PLANNING, RESERVE, PREPARING or BUILDING"));
        }
        return List.of();
    }
}
