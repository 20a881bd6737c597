package org.districtledger.registry.procedure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.ProcedureStatus;
import org.districtledger.contract.ProcedureType;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.HttpProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps each project's permit checklist. */
@ApplicationScoped
public class ProcedureService {

    private final ProjectJournal journal;

    public ProcedureService(ProjectJournal journal) {
        this.journal = journal;
    }

    @Transactional
    public ProcedureView update(String code, String typeName, ProcedureUpdate request, String actor) {
        ProcedureType type = parseType(typeName);
        return update(Project.lockByCode(code), type, request, actor, Map.of());
    }

    /**
     * Updates a permit of a project the caller has locked, in the caller's transaction.
     *
     * @param context added to the event's change, e.g. which message of the approval bureau brought it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProcedureView update(
            Project project, ProcedureType type, ProcedureUpdate request, String actor, Map<String, ?> context) {
        check(request);
        ProcedureItem item = ProcedureItem.find("projectId = ?1 and type = ?2", project.id, type)
                .firstResult();
        ProcedureView before = item == null ? null : ProcedureView.of(item);
        if (item == null) {
            item = new ProcedureItem();
            item.projectId = project.id;
            item.type = type;
        }
        item.status = request.status();
        item.targetDate = request.targetDate();
        item.doneDate = request.doneDate();
        item.authority = request.authority();
        item.approvalNumber = request.approvalNumber();
        item.updatedBy = actor;
        item.updatedAt = Instant.now();
        item.persist();
        ProcedureView after = ProcedureView.of(item);
        Map<String, Object> change = new LinkedHashMap<>(context);
        change.put("procedure", after);
        change.put("previousStatus", before == null ? ProcedureStatus.NOT_STARTED : before.status());
        journal.record(project, ProjectEventType.PROCEDURE_UPDATED, actor, before, after, change);
        return after;
    }

    /** The target date the office set for a permit of a project, if it set one. */
    public Optional<LocalDate> targetDate(Project project, ProcedureType type) {
        return ProcedureItem.<ProcedureItem>find("projectId = ?1 and type = ?2", project.id, type)
                .firstResultOptional()
                .map(item -> item.targetDate);
    }

    /** The whole checklist, in the usual order; permits never touched show as NOT_STARTED. */
    public List<ProcedureView> checklist(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        Map<ProcedureType, ProcedureView> known = new LinkedHashMap<>();
        ProcedureItem.<ProcedureItem>find("projectId", project.id)
                .list()
                .forEach(item -> known.put(item.type, ProcedureView.of(item)));
        return Arrays.stream(ProcedureType.values())
                .map(type -> known.getOrDefault(type, ProcedureView.notStarted(type)))
                .toList();
    }

    public static ProcedureType parseType(String name) {
        try {
            return ProcedureType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw HttpProblemException.invalidField(
                    "type", "unknown procedure " + name + "; one of " + Arrays.toString(ProcedureType.values()));
        }
    }

    private static void check(ProcedureUpdate request) {
        if (request.status() == ProcedureStatus.DONE && request.doneDate() == null) {
            throw HttpProblemException.invalidField("doneDate", "a DONE procedure needs the date it was done");
        }
        if (request.status() != ProcedureStatus.DONE && request.doneDate() != null) {
            throw HttpProblemException.invalidField("doneDate", "only a DONE procedure has a done date");
        }
        if (request.doneDate() != null && request.doneDate().isAfter(LocalDate.now())) {
            throw HttpProblemException.invalidField("doneDate", "cannot be in the future");
        }
    }
}
