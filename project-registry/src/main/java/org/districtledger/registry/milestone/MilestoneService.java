package org.districtledger.registry.milestone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.MilestoneType;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.conversion.ConversionService;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.HttpProblemException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records site entry, start (开工), completion (竣工) and production (投产), in that order. A start moves a
 * PREPARING project into BUILDING, a completion moves it to COMPLETED, production to IN_PRODUCTION: each
 * such move is also recorded as a conversion.
 */
@ApplicationScoped
public class MilestoneService {

    private final ProjectJournal journal;
    private final ConversionService conversions;

    public MilestoneService(ProjectJournal journal, ConversionService conversions) {
        this.journal = journal;
        this.conversions = conversions;
    }

    @Transactional
    public MilestoneView reach(String code, MilestoneRequest request, String actor) {
        Project project = Project.lockByCode(code);
        LocalDate date = request.date();
        if (date.isAfter(LocalDate.now())) {
            throw HttpProblemException.invalidField("date", "a milestone cannot be reached in the future");
        }
        if (project.pool == Pool.CANCELLED || project.pool == Pool.SUSPENDED) {
            throw HttpProblemException.conflict(
                    "type", "project " + code + " is " + project.pool + "; resume it first");
        }
        Map<String, Object> before = dates(project);
        Pool poolBefore = project.pool;
        switch (request.type()) {
            case SITE_ENTERED -> {
                requirePool(project, request.type(), Pool.RESERVE, Pool.PREPARING, Pool.BUILDING);
                notAfter(date, project.actualStart, "the start");
                project.actualSiteEntry = date;
            }
            case STARTED -> {
                requirePool(project, request.type(), Pool.PREPARING, Pool.BUILDING);
                notBefore(date, project.actualSiteEntry, "site entry");
                notAfter(date, project.actualCompletion, "completion");
                project.actualStart = date;
            }
            case COMPLETED -> {
                requirePool(project, request.type(), Pool.BUILDING, Pool.COMPLETED);
                if (project.actualStart == null) {
                    throw HttpProblemException.conflict("type", "a project completes after it has started");
                }
                notBefore(date, project.actualStart, "the start");
                notAfter(date, project.actualProduction, "production");
                project.actualCompletion = date;
            }
            case IN_PRODUCTION -> {
                requirePool(project, request.type(), Pool.COMPLETED, Pool.IN_PRODUCTION);
                notBefore(date, project.actualCompletion, "completion");
                project.actualProduction = date;
            }
            default -> throw new IllegalStateException("unknown milestone " + request.type());
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("milestone", request.type());
        change.put("date", date);
        journal.record(project, ProjectEventType.MILESTONE_REACHED, actor, before, dates(project), change);

        Pool next = switch (request.type()) {
            case STARTED -> poolBefore == Pool.PREPARING ? Pool.BUILDING : null;
            case COMPLETED -> poolBefore == Pool.BUILDING ? Pool.COMPLETED : null;
            case IN_PRODUCTION -> poolBefore == Pool.COMPLETED ? Pool.IN_PRODUCTION : null;
            default -> null;
        };
        if (next != null) {
            conversions.convertByMilestone(project, next, date, request.type().label(), actor);
        }
        return new MilestoneView(project.code, request.type(), request.type().label(), date, project.pool);
    }

    private static void requirePool(Project project, MilestoneType type, Pool... allowed) {
        for (Pool pool : allowed) {
            if (project.pool == pool) {
                return;
            }
        }
        throw HttpProblemException.conflict("type", type + " cannot be recorded for a project in " + project.pool);
    }

    private static void notBefore(LocalDate date, LocalDate earlier, String what) {
        if (earlier != null && date.isBefore(earlier)) {
            throw HttpProblemException.invalidField("date", "must not be before " + what + " (" + earlier + ")");
        }
    }

    private static void notAfter(LocalDate date, LocalDate later, String what) {
        if (later != null && date.isAfter(later)) {
            throw HttpProblemException.invalidField("date", "must not be after " + what + " (" + later + ")");
        }
    }

    private static Map<String, Object> dates(Project p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("actualSiteEntry", p.actualSiteEntry);
        values.put("actualStart", p.actualStart);
        values.put("actualCompletion", p.actualCompletion);
        values.put("actualProduction", p.actualProduction);
        return values;
    }
}
