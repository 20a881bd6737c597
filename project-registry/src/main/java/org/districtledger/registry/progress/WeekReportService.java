package org.districtledger.registry.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.SiteStatus;
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.registry.project.Project;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes a whole week of reports in one transaction: every row is checked first (its values, the project, the
 * user's right to report on it) and any error refuses them all, each error named by its row; otherwise each row is
 * reported exactly as a single report would be, with its event, and they commit together.
 */
@ApplicationScoped
public class WeekReportService {

    private final ProgressService progress;

    public WeekReportService(ProgressService progress) {
        this.progress = progress;
    }

    @Transactional
    public WeekReports.Saved save(String isoWeek, WeekReports reports, AccessPolicy access, String actor) {
        IsoWeek week = IsoWeek.parse(isoWeek, "isoWeek");
        if (week.monday().isAfter(LocalDate.now())) {
            throw HttpProblemException.invalidField(
                    "isoWeek", "第 " + week + " 周尚未开始，不能填报 / week " + week + " has not begun yet");
        }
        List<WeekReports.Row> rows = reports.rows();
        if (rows.isEmpty()) {
            throw HttpProblemException.invalidField("rows", "没有要保存的周报 / no rows");
        }
        if (rows.size() > WeekReportRules.MAX_ROWS) {
            throw HttpProblemException.invalidField(
                    "rows", "一次最多 " + WeekReportRules.MAX_ROWS + " 行 / at most " + WeekReportRules.MAX_ROWS + " rows");
        }
        List<HttpProblem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            WeekReports.Row row = rows.get(i);
            List<HttpProblem.FieldError> rowErrors = WeekReportRules.check(i, row);
            errors.addAll(rowErrors);
            if (row == null || row.code() == null || row.code().isBlank()) {
                continue;
            }
            String at = "rows[" + i + "].code";
            if (!seen.add(row.code())) {
                errors.add(new HttpProblem.FieldError(at, "项目 " + row.code() + " 重复 / the project appears twice"));
                continue;
            }
            Project project = Project.findByCode(row.code());
            if (project == null) {
                errors.add(new HttpProblem.FieldError(at, "没有项目 " + row.code() + " / no such project"));
            } else if (project.pool == Pool.CANCELLED) {
                errors.add(new HttpProblem.FieldError(at, "项目已取消，不再填报 / the project is cancelled"));
            } else if (!access.mayReport(row.code())) {
                errors.add(new HttpProblem.FieldError(
                        at, "您不在项目 " + row.code() + " 的专班，不能填报 / not in the project's task force"));
            }
        }
        if (!errors.isEmpty()) {
            throw HttpProblemException.invalidFields(errors);
        }
        int created = 0;
        int corrected = 0;
        for (WeekReports.Row row : rows) {
            ProgressRequest request = new ProgressRequest(
                    row.investmentCompleted(),
                    row.imageProgressPercent(),
                    blankToNull(row.imageProgressNote()),
                    SiteStatus.valueOf(row.siteStatus()),
                    blankToNull(row.problemsRaised()));
            if (progress.report(row.code(), week.toString(), request, actor).replaced()) {
                corrected++;
            } else {
                created++;
            }
        }
        return new WeekReports.Saved(week.toString(), rows.size(), created, corrected);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
