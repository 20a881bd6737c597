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
import java.util.Set;

/**
 * What a ledger administrator sends to admit a project into a pool. Money in 万元, at most two decimals.
 * {@code poolSince} is when it entered that pool (default: its start date in BUILDING, else today).
 */
public record NewProject(
        @Pattern(regexp = NATIONAL_CODE, message = "must have the shape YYYY-RRRRRR-DD-TT-NNNNNN (24 characters)")
        String nationalCode,

        @NotBlank @Size(max = 200) String name,
        @NotNull Pool pool,
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
        LocalDate actualStart,
        Set<@NotNull FundingSource> fundingSources,
        Boolean fromBeijing,
        Boolean keyConversion,
        Pool conversionTargetPool,
        LocalDate conversionTargetDate,
        LocalDate poolSince) {

    /** 项目代码: year, region, two-digit industry, two-digit type, serial number. */
    public static final String NATIONAL_CODE = "\\d{4}-\\d{6}-\\d{2}-\\d{2}-\\d{6}";
}
