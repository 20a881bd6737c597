package org.districtledger.registry.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.registry.outbox.ProjectEventType;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Problems raised by task forces and resolved by the departments they are addressed to. */
@ApplicationScoped
public class ProblemService {

    private final ProjectJournal journal;

    public ProblemService(ProjectJournal journal) {
        this.journal = journal;
    }

    @Transactional
    public ProblemView raise(String code, NewProblem request, String actor) {
        Project project = Project.lockByCode(code);
        LocalDate raisedOn = request.raisedOn() == null ? LocalDate.now() : request.raisedOn();
        if (raisedOn.isAfter(LocalDate.now())) {
            throw ProblemException.invalidField("raisedOn", "cannot be in the future");
        }
        CoordinationProblem problem = new CoordinationProblem();
        problem.projectId = project.id;
        problem.title = request.title().strip();
        problem.description = request.description();
        problem.department = request.department().strip();
        problem.raisedOn = raisedOn;
        problem.raisedBy = actor;
        problem.createdAt = Instant.now();
        problem.persist();
        CoordinationProblem.flush();
        ProblemView view = ProblemView.of(problem, project.code);
        journal.record(project, ProjectEventType.PROBLEM_RAISED, actor, null, view, Map.of("problem", view));
        return view;
    }

    @Transactional
    public ProblemView resolve(long id, Resolution request, String actor) {
        CoordinationProblem problem = CoordinationProblem.findById(id);
        if (problem == null) {
            throw ProblemException.notFound("Problem", String.valueOf(id));
        }
        Project project = Project.findById(problem.projectId);
        project = Project.lockByCode(project.code);
        if (problem.resolvedOn != null) {
            throw ProblemException.conflict("id", "problem " + id + " was resolved on " + problem.resolvedOn);
        }
        LocalDate resolvedOn = request.resolvedOn() == null ? LocalDate.now() : request.resolvedOn();
        if (resolvedOn.isAfter(LocalDate.now()) || resolvedOn.isBefore(problem.raisedOn)) {
            throw ProblemException.invalidField("resolvedOn", "must be between the day it was raised (" + problem.raisedOn + ") and today");
        }
        ProblemView before = ProblemView.of(problem, project.code);
        problem.resolvedOn = resolvedOn;
        problem.resolutionNote = request.note().strip();
        problem.resolvedBy = actor;
        ProblemView after = ProblemView.of(problem, project.code);
        journal.record(project, ProjectEventType.PROBLEM_RESOLVED, actor, before, after, Map.of("problem", after));
        return after;
    }

    public List<ProblemView> list(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw ProblemException.notFound("Project", code);
        }
        return CoordinationProblem.<CoordinationProblem>find("projectId = ?1 order by id", project.id).list().stream()
                .map(p -> ProblemView.of(p, code)).toList();
    }
}
