package org.districtledger.registry.sheet;

import org.districtledger.registry.project.Project;
import org.districtledger.sheet.LedgerRow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/** Projects as rows of the office's ledger sheet: what an export writes and an import reads back. */
public final class LedgerRows {

    private LedgerRows() {}

    /** The projects as rows, in their order. */
    public static List<LedgerRow> of(List<Project> projects) {
        return projects.stream().map(LedgerRows::of).toList();
    }

    public static LedgerRow of(Project p) {
        return new LedgerRow(
                0,
                p.code,
                p.name,
                p.nationalCode,
                p.ownerUnit,
                p.town,
                p.industryChain,
                p.pool.name(),
                p.cityCategory == null ? null : p.cityCategory.name(),
                p.totalInvestment,
                p.annualPlanInvestment,
                p.plannedStart,
                p.plannedCompletion,
                p.actualStart,
                p.leadDepartment,
                p.fundingSources.stream().map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new)),
                p.fromBeijing,
                p.keyConversion,
                p.conversionTargetPool == null ? null : p.conversionTargetPool.name(),
                p.conversionTargetDate,
                p.poolSince,
                p.planYear);
    }
}
