package org.districtledger.sheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One project as a row of the ledger sheet. Pools, categories and funding sources carry the registry's
 * names (BUILDING, KEY_CONSTRUCTION, SPECIAL_BONDS); the sheet shows them in Chinese. Money in 万元.
 *
 * @param line the row's number in the sheet (the header is row 1); 0 for a row not read from a sheet
 * @param code the ledger code (台账编号), empty for a project not yet on the ledger
 */
public record LedgerRow(
        int line,
        String code,
        String name,
        String nationalCode,
        String ownerUnit,
        String town,
        String industryChain,
        String pool,
        String cityCategory,
        BigDecimal totalInvestment,
        BigDecimal annualPlanInvestment,
        LocalDate plannedStart,
        LocalDate plannedCompletion,
        LocalDate actualStart,
        String leadDepartment,
        Set<String> fundingSources,
        boolean fromBeijing,
        boolean keyConversion,
        String conversionTargetPool,
        LocalDate conversionTargetDate,
        LocalDate poolSince,
        int planYear) {

    /** The same row without its line number, to compare contents. */
    public LedgerRow content() {
        return new LedgerRow(
                0,
                code,
                name,
                nationalCode,
                ownerUnit,
                town,
                industryChain,
                pool,
                cityCategory,
                totalInvestment,
                annualPlanInvestment,
                plannedStart,
                plannedCompletion,
                actualStart,
                leadDepartment,
                fundingSources,
                fromBeijing,
                keyConversion,
                conversionTargetPool,
                conversionTargetDate,
                poolSince,
                planYear);
    }
}
