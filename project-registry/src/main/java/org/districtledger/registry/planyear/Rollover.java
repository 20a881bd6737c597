package org.districtledger.registry.planyear;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rollover of a plan year into the next does (年度结转), or did: the projects carried over with their new annual
 * plans, those that stay in the closed year (completed, in production, cancelled), and the accountability projects
 * (包联) the next year's plans select by the thresholds (annual plan over 1亿元, or a key conversion project over
 * 10亿元): how many, how many already have a leader, those that need one and those whose leader may be released.
 */
public record Rollover(
        int year,
        int nextYear,
        boolean dryRun,
        int carriedOver,
        int staying,
        BigDecimal nextAnnualPlanInvestment,
        List<Carried> projects,
        Accountability accountability) {

    /** A project carried over: this year's annual plan and next year's, its planned start and next year's target. */
    public record Carried(
            String code,
            String name,
            String pool,
            BigDecimal annualPlanInvestment,
            BigDecimal nextAnnualPlanInvestment,
            LocalDate plannedStart,
            String annualTarget) {}

    /** The next year's accountability projects against the assignments in place. */
    public record Accountability(int required, int assigned, List<String> toAssign, List<String> released) {}
}
