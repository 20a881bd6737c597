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
 * @param conversionTargetPool a key conversion project's target pool, or {@code null}
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
        List<Procedure> procedures,
        LocalDate plannedCompletion,
        LocalDate actualCompletion,
        Pool conversionTargetPool,
        LocalDate conversionTargetDate) {

    /** A permit that is not done yet, with its target date. */
    public record Procedure(String type, String label, ProcedureStatus status, LocalDate targetDate) {}

    /** The same facts with the planned and actual completion. */
    public ProjectFacts withCompletion(LocalDate planned, LocalDate actual) {
        return new ProjectFacts(
                code,
                pool,
                planYear,
                totalInvestment,
                annualPlan,
                completedPlanYear,
                plannedStart,
                actualStart,
                poolSince,
                lastReportedWeek,
                keyConversion,
                knownSince,
                assigned,
                procedures,
                planned,
                actual,
                conversionTargetPool,
                conversionTargetDate);
    }

    /** The same facts as a key conversion project with this target. */
    public ProjectFacts withConversionTarget(Pool targetPool, LocalDate targetDate) {
        return new ProjectFacts(
                code,
                pool,
                planYear,
                totalInvestment,
                annualPlan,
                completedPlanYear,
                plannedStart,
                actualStart,
                poolSince,
                lastReportedWeek,
                true,
                knownSince,
                assigned,
                procedures,
                plannedCompletion,
                actualCompletion,
                targetPool,
                targetDate);
    }

    /** Whether the project has completed (竣工): then only its permits are still followed. */
    public boolean completed() {
        return actualCompletion != null;
    }
}
