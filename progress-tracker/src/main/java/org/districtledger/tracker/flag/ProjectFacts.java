package org.districtledger.tracker.flag;

import org.districtledger.contract.Pool;
import org.districtledger.contract.ProcedureStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the rules look at for one project, as the tracker knows it.
 *
 * @param completedPlanYear investment completed in the plan year (万元)
 * @param lastReportedWeek the latest ISO week reported, e.g. {@code 2023-W18}, or {@code null}
 * @param knownSince the day the tracker first learned of the project
 * @param assigned whether it has a leader and a task force
 */
public record ProjectFacts(
        String code,
        Pool pool,
        int planYear,
        BigDecimal totalInvestment,
        BigDecimal annualPlan,
        BigDecimal completedPlanYear,
        LocalDate plannedStart,
        LocalDate actualStart,
        LocalDate poolSince,
        String lastReportedWeek,
        boolean keyConversion,
        LocalDate knownSince,
        boolean assigned,
        List<Procedure> procedures) {

    /** A permit that is not done yet, with its target date. */
    public record Procedure(String type, String label, ProcedureStatus status, LocalDate targetDate) {}
}
