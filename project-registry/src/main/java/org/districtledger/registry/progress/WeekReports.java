package org.districtledger.registry.progress;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * A week's reports for many projects at once, as the workspace's grid (or its sheet) sends them: all applied, or
 * none.
 */
public record WeekReports(@NotNull List<Row> rows) {

    /** One project's report in the grid; the fields are those of {@link ProgressRequest}. */
    public record Row(
            String code,
            BigDecimal investmentCompleted,
            Integer imageProgressPercent,
            String imageProgressNote,
            String siteStatus,
            String problemsRaised) {}

    /** What a saved week did. */
    public record Saved(String isoWeek, int saved, int created, int corrected) {}
}
