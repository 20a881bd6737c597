package org.districtledger.registry.conversion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.Pool;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.HttpProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Moves projects between pools by the rules, and records each move. */
@ApplicationScoped
public class ConversionService {

    private final ProjectJournal journal;

    public ConversionService(ProjectJournal journal) {
        this.journal = journal;
    }

    @Transactional
    public ConversionView convert(String code, ConversionRequest request, String actor) {
        Project project = Project.lockByCode(code);
        return convert(project, request, actor);
    }

    /** Converts a project that the caller has locked already, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConversionView convert(Project project, ConversionRequest request, String actor) {
        LocalDate today = LocalDate.now();
        LocalDate date = request.date() == null ? today : request.date();
        LocalDate actualStart = project.actualStart != null ? project.actualStart : request.startDate();
        LocalDate plannedStart = request.plannedStart() != null ? request.plannedStart() : project.plannedStart;
        if (request.startDate() != null && request.to() != Pool.BUILDING) {
            throw HttpProblemException.invalidField("startDate", "is given only when entering BUILDING");
        }
        if (request.startDate() != null && request.startDate().isAfter(today)) {
            throw HttpProblemException.invalidField("startDate", "a start date cannot be in the future");
        }
        ConversionRules.check(new ConversionRules.Facts(
                project.pool,
                request.to(),
                request.reason(),
                date,
                today,
                actualStart,
                plannedStart,
                project.planYear));

        Map<String, Object> before = snapshot(project);
        project.actualStart = actualStart;
        project.plannedStart = plannedStart;
        return record(project, before, request.to(), date, blankToNull(request.reason()), actor);
    }

    private ConversionView record(
            Project project, Map<String, Object> before, Pool to, LocalDate date, String reason, String actor) {
        Conversion conversion = new Conversion();
        conversion.projectId = project.id;
        conversion.fromPool = project.pool;
        conversion.toPool = to;
        conversion.convertedOn = date;
        conversion.reason = reason;
        conversion.convertedBy = actor;
        conversion.recordedAt = Instant.now();
        conversion.persist();

        project.pool = to;
        project.poolSince = date;
        project.poolReason = reason;
        ConversionView view = ConversionView.of(conversion, project.code);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", conversion.fromPool);
        change.put("to", conversion.toPool);
        change.put("date", date);
        change.put("reason", reason);
        change.put("forwardByOne", ConversionRules.isForwardByOne(conversion.fromPool, conversion.toPool));
        journal.record(project, ProjectEventType.CONVERTED, actor, before, snapshot(project), change);
        return view;
    }

    /** The move a milestone brings (start, completion, production), recorded as a conversion of its own. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConversionView convertByMilestone(Project project, Pool to, LocalDate date, String milestone, String actor) {
        return record(project, snapshot(project), to, date, "里程碑：" + milestone, actor);
    }

    public List<ConversionView> list(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return Conversion.<Conversion>find("projectId = ?1 order by id", project.id).list().stream()
                .map(c -> ConversionView.of(c, code))
                .toList();
    }

    private static Map<String, Object> snapshot(Project p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("pool", p.pool);
        values.put("poolSince", p.poolSince);
        values.put("poolReason", p.poolReason);
        values.put("actualStart", p.actualStart);
        values.put("plannedStart", p.plannedStart);
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
