package org.districtledger.registry.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.HttpProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes the weekly reports and keeps each project's cumulative figures. */
@ApplicationScoped
public class ProgressService {

    private final ProjectJournal journal;

    public ProgressService(ProjectJournal journal) {
        this.journal = journal;
    }

    /** The outcome of a report: the report and whether it replaced an earlier one of the same week. */
    public record Reported(ProgressView report, boolean replaced) {}

    @Transactional
    public Reported report(String code, String isoWeek, ProgressRequest request, String actor) {
        IsoWeek week = IsoWeek.parse(isoWeek, "isoWeek");
        Project project = Project.lockByCode(code);
        if (project.pool == Pool.CANCELLED) {
            throw HttpProblemException.conflict("code", "project " + code + " is cancelled and takes no more reports");
        }
        if (week.monday().isAfter(LocalDate.now())) {
            throw HttpProblemException.invalidField("isoWeek", "week " + week + " has not begun yet");
        }
        Instant now = Instant.now();
        // the project's reports, read once: the week's earlier report if there is one, and the cumulative figures
        List<ProgressReport> reports = ordered(project);
        ProgressReport report = reports.stream()
                .filter(r -> r.isoWeek.equals(week.toString()))
                .findFirst()
                .orElse(null);
        Map<String, Object> before = null;
        boolean replaced = report != null;
        if (replaced) {
            before = values(report);
            ProgressReportRevision.of(report, now).persist();
            report.revision++;
        } else {
            report = new ProgressReport();
            report.projectId = project.id;
            report.isoWeek = week.toString();
            report.weekStart = week.monday();
            report.revision = 1;
            reports.add(report);
            reports.sort(Comparator.comparing((ProgressReport r) -> r.weekStart));
        }
        report.investmentCompleted = request.investmentCompleted().setScale(2);
        report.imageProgressPercent = request.imageProgressPercent();
        report.imageProgressNote = request.imageProgressNote();
        report.siteStatus = request.siteStatus();
        report.problemsRaised = request.problemsRaised();
        report.reportedBy = actor;
        report.reportedAt = now;
        report.persist();

        recompute(project, reports);
        ProgressView view = views(project, reports).stream()
                .filter(v -> v.isoWeek().equals(week.toString()))
                .findFirst()
                .orElseThrow();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("report", view);
        change.put("corrected", replaced);
        journal.record(project, ProjectEventType.PROGRESS_REPORTED, actor, before, values(report), change);
        return new Reported(view, replaced);
    }

    public List<ProgressView> list(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return views(project, ordered(project));
    }

    /** The investment the project's reports completed in the weeks of a year (a week by its Thursday). */
    public static BigDecimal completedIn(Project project, int year) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (ProgressReport r : ordered(project)) {
            if (inYear(r, year)) {
                sum = sum.add(r.investmentCompleted);
            }
        }
        return sum;
    }

    /** The week of the report lies in the year, by its Thursday, as ISO weeks are numbered. */
    private static boolean inYear(ProgressReport report, int year) {
        return report.weekStart.plusDays(3).getYear() == year;
    }

    /**
     * The cumulative figures on the project, from all its reports: never taken from a client. Its plan year's figure
     * counts the weeks of that year (a week by its Thursday, as ISO weeks are numbered).
     */
    private static void recompute(Project project, List<ProgressReport> reports) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal planYear = BigDecimal.ZERO.setScale(2);
        for (ProgressReport r : reports) {
            total = total.add(r.investmentCompleted);
            if (inYear(r, project.planYear)) {
                planYear = planYear.add(r.investmentCompleted);
            }
        }
        project.investmentCompletedTotal = total;
        project.investmentCompletedPlanYear = planYear;
        if (!reports.isEmpty()) {
            ProgressReport latest = reports.get(reports.size() - 1);
            project.lastReportedWeek = latest.isoWeek;
            project.imageProgressPercent = latest.imageProgressPercent;
        }
    }

    private static List<ProgressView> views(Project project, List<ProgressReport> reports) {
        List<ProgressView> views = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO.setScale(2);
        BigDecimal cumulativeYear = BigDecimal.ZERO.setScale(2);
        int year = -1;
        for (ProgressReport r : reports) {
            int reportYear = IsoWeek.parse(r.isoWeek, "isoWeek").year();
            if (reportYear != year) {
                cumulativeYear = BigDecimal.ZERO.setScale(2);
                year = reportYear;
            }
            cumulative = cumulative.add(r.investmentCompleted);
            cumulativeYear = cumulativeYear.add(r.investmentCompleted);
            views.add(new ProgressView(
                    project.code,
                    r.isoWeek,
                    r.weekStart,
                    r.investmentCompleted,
                    cumulativeYear,
                    cumulative,
                    r.imageProgressPercent,
                    r.imageProgressNote,
                    r.siteStatus,
                    r.problemsRaised,
                    r.revision,
                    r.reportedBy,
                    r.reportedAt));
        }
        return views;
    }

    private static List<ProgressReport> ordered(Project project) {
        return new ArrayList<>(ProgressReport.<ProgressReport>find("projectId = ?1 order by weekStart", project.id)
                .list());
    }

    private static Map<String, Object> values(ProgressReport r) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("isoWeek", r.isoWeek);
        values.put("revision", r.revision);
        values.put("investmentCompleted", r.investmentCompleted);
        values.put("imageProgressPercent", r.imageProgressPercent);
        values.put("imageProgressNote", r.imageProgressNote);
        values.put("siteStatus", r.siteStatus);
        values.put("problemsRaised", r.problemsRaised);
        return values;
    }
}
