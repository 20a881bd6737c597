package org.districtledger.tracker.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A project as the tracker knows it. Money in 万元. */
public record TrackedProjectView(
        String code,
        String nationalCode,
        String name,
        String pool,
        LocalDate poolSince,
        String cityCategory,
        String industryChain,
        String town,
        String leadDepartment,
        int planYear,
        BigDecimal totalInvestment,
        BigDecimal annualPlanInvestment,
        BigDecimal investmentCompletedPlanYear,
        BigDecimal investmentCompletedTotal,
        Integer imageProgressPercent,
        String lastReportedWeek,
        boolean keyConversion,
        String conversionTargetPool,
        LocalDate conversionTargetDate,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        LocalDate actualSiteEntry,
        LocalDate actualStart,
        LocalDate actualCompletion,
        LocalDate actualProduction,
        long lastSequence,
        String lastEventType,
        Instant lastEventAt,
        int sequenceGaps) {

    public static TrackedProjectView of(TrackedProject p) {
        return new TrackedProjectView(
                p.code,
                p.nationalCode,
                p.name,
                p.pool,
                p.poolSince,
                p.cityCategory,
                p.industryChain,
                p.town,
                p.leadDepartment,
                p.planYear,
                p.totalInvestment,
                p.annualPlanInvestment,
                p.investmentCompletedPlanYear,
                p.investmentCompletedTotal,
                p.imageProgressPercent,
                p.lastReportedWeek,
                p.keyConversion,
                p.conversionTargetPool,
                p.conversionTargetDate,
                p.plannedStart,
                p.plannedCompletion,
                p.actualSiteEntry,
                p.actualStart,
                p.actualCompletion,
                p.actualProduction,
                p.lastSequence,
                p.lastEventType,
                p.lastEventAt,
                p.sequenceGaps);
    }
}
