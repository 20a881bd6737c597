package org.districtledger.registry.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.districtledger.contract.ProjectEventType;
import org.districtledger.registry.project.Project;
import org.districtledger.registry.project.ProjectJournal;
import org.districtledger.runtime.HttpProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            throw HttpProblemException.invalidField("raisedOn", "cannot be in the future");
        }
        if (request.dueDate() != null && request.dueDate().isBefore(raisedOn)) {
            throw HttpProblemException.invalidField(
                    "dueDate", "cannot be before the day it was raised (" + raisedOn + ")");
        }
        CoordinationProblem problem = new CoordinationProblem();
        problem.projectId = project.id;
        problem.title = request.title().strip();
        problem.description = request.description();
        problem.department = request.department().strip();
        problem.raisedOn = raisedOn;
        problem.dueDate = request.dueDate();
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
            throw HttpProblemException.notFound("Problem", String.valueOf(id));
        }
        Project project = Project.findById(problem.projectId);
        project = Project.lockByCode(project.code);
        if (problem.resolvedOn != null) {
            throw HttpProblemException.conflict("id", "problem " + id + " was resolved on " + problem.resolvedOn);
        }
        LocalDate resolvedOn = request.resolvedOn() == null ? LocalDate.now() : request.resolvedOn();
        if (resolvedOn.isAfter(LocalDate.now()) || resolvedOn.isBefore(problem.raisedOn)) {
            throw HttpProblemException.invalidField(
                    "resolvedOn", "must be between the day it was raised (" + problem.raisedOn + ") and today");
        }
        ProblemView before = ProblemView.of(problem, project.code);
        problem.resolvedOn = resolvedOn;
        problem.resolutionNote = request.note().strip();
        problem.resolvedBy = actor;
        ProblemView after = ProblemView.of(problem, project.code);
        journal.record(project, ProjectEventType.PROBLEM_RESOLVED, actor, before, after, Map.of("problem", after));
        return after;
    }

    @Transactional
    public CommentView comment(long id, NewComment request, String actor) {
        CoordinationProblem problem = CoordinationProblem.findById(id);
        if (problem == null) {
            throw HttpProblemException.notFound("Problem", String.valueOf(id));
        }
        Project project = Project.lockByCode(Project.<Project>findById(problem.projectId).code);
        ProblemComment comment = new ProblemComment();
        comment.problemId = id;
        comment.body = request.body().strip();
        comment.author = actor;
        comment.writtenAt = Instant.now();
        comment.persist();
        ProblemComment.flush();
        CommentView view = CommentView.of(comment);
        journal.record(
                project,
                ProjectEventType.PROBLEM_COMMENTED,
                actor,
                null,
                view,
                Map.of("problem", ProblemView.of(problem, project.code), "comment", view));
        return view;
    }

    public List<CommentView> comments(long id) {
        if (CoordinationProblem.findById(id) == null) {
            throw HttpProblemException.notFound("Problem", String.valueOf(id));
        }
        return ProblemComment.<ProblemComment>find("problemId = ?1 order by id", id).list().stream()
                .map(CommentView::of)
                .toList();
    }

    /** The ledger code of the project a problem belongs to, if the problem exists. */
    public Optional<String> projectCodeOf(long id) {
        return CoordinationProblem.<CoordinationProblem>findByIdOptional(id)
                .map(problem -> Project.<Project>findById(problem.projectId))
                .map(project -> project.code);
    }

    public List<ProblemView> list(String code) {
        Project project = Project.findByCode(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        return CoordinationProblem.<CoordinationProblem>find("projectId = ?1 order by id", project.id).list().stream()
                .map(p -> ProblemView.of(p, code))
                .toList();
    }
}
