package org.districtledger.tracker.statistics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A month's statistics (月度统计) as of its last day, as {@code ledger.statistics.monthly.v1} carries them: investment
 * completed (万元) in the month and in its year so far, starts and completions, for the whole ledger and by pool,
 * industrial chain, town and city-ledger category. A week's report counts in the month of its Sunday.
 */
public record MonthlyStatistics(
        String month,
        LocalDate asOf,
        String unit,
        Figures totals,
        List<Group> byPool,
        List<Group> byIndustryChain,
        List<Group> byTown,
        List<Group> byCityCategory) {

    /** The figures of a group of projects (those the tracker knew on the as-of day). */
    public record Figures(
            long projects,
            BigDecimal investmentCompletedMonth,
            BigDecimal investmentCompletedYearToDate,
            long startsMonth,
            long startsYearToDate,
            long completionsMonth,
            long completionsYearToDate) {}

    /** One group: its key (a pool, a category, the chain's or town's name; NONE when not given), label and figures. */
    public record Group(String key, String label, Figures figures) {}
}
