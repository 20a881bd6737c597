package org.districtledger.tracker.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A project as the tracker knows it. */
public record TrackedProjectView(
        String code,
        String nationalCode,
        String name,
        String pool,
        String cityCategory,
        String industryChain,
        String town,
        String leadDepartment,
        int planYear,
        BigDecimal totalInvestment,
        BigDecimal annualPlanInvestment,
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
        return new TrackedProjectView(p.code, p.nationalCode, p.name, p.pool, p.cityCategory, p.industryChain, p.town,
                p.leadDepartment, p.planYear, p.totalInvestment, p.annualPlanInvestment, p.plannedStart,
                p.plannedCompletion, p.actualSiteEntry, p.actualStart, p.actualCompletion, p.actualProduction,
                p.lastSequence, p.lastEventType, p.lastEventAt, p.sequenceGaps);
    }
}
