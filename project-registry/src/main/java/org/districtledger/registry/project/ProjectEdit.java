package org.districtledger.registry.project;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.districtledger.contract.CityCategory;
import org.districtledger.contract.FundingSource;
import org.districtledger.contract.Pool;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields of a project that {@code PATCH} may change. The pool changes by conversion, the actual dates by
 * milestones; version, sequence, cumulative figures and audit fields belong to the server.
 */
public record ProjectEdit(
        @Pattern(
                regexp = NewProject.NATIONAL_CODE,
                message = "must have the shape YYYY-RRRRRR-DD-TT-NNNNNN (24 characters)")
        String nationalCode,

        @NotBlank @Size(max = 200) String name,
        CityCategory cityCategory,
        @Size(max = 64) String industryChain,
        @Size(max = 64) String town,
        @Size(max = 200) String ownerUnit,
        @Size(max = 100) String leadDepartment,
        @NotNull @Min(2000) @Max(2100) Integer planYear,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal totalInvestment,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal annualPlanInvestment,

        LocalDate plannedStart,
        LocalDate plannedCompletion,
        @NotNull Set<@NotNull FundingSource> fundingSources,
        @NotNull Boolean fromBeijing,
        @NotNull Boolean keyConversion,
        Pool conversionTargetPool,
        LocalDate conversionTargetDate) {

    public static ProjectEdit of(Project p) {
        return new ProjectEdit(
                p.nationalCode,
                p.name,
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
                EnumSet.copyOf(withNone(p.fundingSources)),
                p.fromBeijing,
                p.keyConversion,
                p.conversionTargetPool,
                p.conversionTargetDate);
    }

    void applyTo(Project p) {
        p.nationalCode = nationalCode;
        p.name = name.strip();
        p.cityCategory = cityCategory;
        p.industryChain = industryChain;
        p.town = town;
        p.ownerUnit = ownerUnit;
        p.leadDepartment = leadDepartment;
        p.planYear = planYear;
        p.totalInvestment = totalInvestment.setScale(2);
        p.annualPlanInvestment = annualPlanInvestment.setScale(2);
        p.plannedStart = plannedStart;
        p.plannedCompletion = plannedCompletion;
        p.fundingSources =
                fundingSources.isEmpty() ? EnumSet.noneOf(FundingSource.class) : EnumSet.copyOf(fundingSources);
        p.fromBeijing = fromBeijing;
        p.keyConversion = keyConversion;
        p.conversionTargetPool = conversionTargetPool;
        p.conversionTargetDate = conversionTargetDate;
    }

    private static Set<FundingSource> withNone(Set<FundingSource> sources) {
        return sources.isEmpty() ? EnumSet.noneOf(FundingSource.class) : sources;
    }
}
