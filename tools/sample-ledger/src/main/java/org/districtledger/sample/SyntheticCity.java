package org.districtledger.sample;

import org.districtledger.sheet.LedgerRow;

import java.util.ArrayList;
import java.util.List;

/**
 * A city's ledger for benchmarks and scale tests: Wuqing's sample ledger repeated district after district (一区、二区…)
 * until it has the rows asked for, each a new project (no ledger code, no national code) whose name carries its
 * district, so that the rows are as varied, and as valid, as the sample is.
 */
public final class SyntheticCity {

    private SyntheticCity() {}

    /** {@code count} new projects, in the sample's order district by district. */
    public static List<LedgerRow> rows(int count) {
        List<LedgerRow> sample = SampleLedger.generate();
        List<LedgerRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LedgerRow r = sample.get(i % sample.size());
            int district = i / sample.size() + 1;
            rows.add(new LedgerRow(
                    0,
                    null,
                    r.name() + "（" + district + "区）",
                    null,
                    r.ownerUnit(),
                    r.town(),
                    r.industryChain(),
                    r.pool(),
                    r.cityCategory(),
                    r.totalInvestment(),
                    r.annualPlanInvestment(),
                    r.plannedStart(),
                    r.plannedCompletion(),
                    r.actualStart(),
                    r.leadDepartment(),
                    r.fundingSources(),
                    r.fromBeijing(),
                    r.keyConversion(),
                    r.conversionTargetPool(),
                    r.conversionTargetDate(),
                    r.poolSince(),
                    r.planYear()));
        }
        return rows;
    }
}
