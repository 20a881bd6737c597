package org.districtledger.registry.project;

import org.districtledger.contract.CityCategory;
import org.districtledger.contract.FundingSource;
import org.districtledger.contract.Pool;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A project as the API and the events show it. */
public record ProjectView(
        String code,
        String nationalCode,
        String name,
        Pool pool,
        String poolReason,
        CityCategory cityCategory,
        String industryChain,
        String town,
        String ownerUnit,
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
        Set<FundingSource> fundingSources,
        boolean fromBeijing,
        boolean keyConversion,
        Pool conversionTargetPool,
        LocalDate conversionTargetDate,
        LocalDate poolSince,
        BigDecimal investmentCompletedTotal,
        BigDecimal investmentCompletedPlanYear,
        Integer imageProgressPercent,
        String lastReportedWeek,
        long sequence,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static ProjectView of(Project p) {
        return new ProjectView(
                p.code,
                p.nationalCode,
                p.name,
                p.pool,
                p.poolReason,
                p.cityCategory,
                p.industryChain,
                p.town,
                p.ownerUnit,
                p.leadDepartment,
                p.planYear,
                p.totalInvestment,
                p.annualPlanInvestment,
                p.plannedStart,
                p.plannedCompletion,
                p.actualSiteEntry,
                p.actualStart,
                p.actualCompletion,
                p.actualProduction,
                Set.copyOf(p.fundingSources),
                p.fromBeijing,
                p.keyConversion,
                p.conversionTargetPool,
                p.conversionTargetDate,
                p.poolSince,
                p.investmentCompletedTotal,
                p.investmentCompletedPlanYear,
                p.imageProgressPercent,
                p.lastReportedWeek,
                p.eventSequence,
                p.version,
                p.createdAt,
                p.createdBy,
                p.updatedAt,
                p.updatedBy);
    }
}
