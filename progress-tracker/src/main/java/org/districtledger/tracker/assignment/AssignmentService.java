package org.districtledger.tracker.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.districtledger.contract.AlertEventType;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.tracker.alert.AlertOutbox;
import org.districtledger.tracker.clock.BusinessClock;
import org.districtledger.tracker.project.ProjectsChanged;
import org.districtledger.tracker.project.TimelineEntry;
import org.districtledger.tracker.project.TrackedProject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the one-leader-one-task-force assignments: each change kept with who and when, announced on
 * {@code ledger.tracker-alerts}, and the project's flags evaluated again (an assignment clears 包联缺失).
 */
@ApplicationScoped
public class AssignmentService {

    private static final TypeReference<List<AssignmentRequest.Member>> MEMBERS = new TypeReference<>() {};

    private final ObjectMapper json;
    private final AlertOutbox alerts;
    private final Event<ProjectsChanged> changes;
    private final BusinessClock clock;

    public AssignmentService(
            ObjectMapper json, AlertOutbox alerts, Event<ProjectsChanged> changes, BusinessClock clock) {
        this.json = json;
        this.alerts = alerts;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    public AssignmentView assign(String code, AssignmentRequest request, String actor) {
        TrackedProject project = TrackedProject.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        Assignment assignment = Assignment.findById(code);
        AssignmentView before = assignment == null ? null : view(assignment, project);
        if (assignment == null) {
            assignment = new Assignment();
            assignment.projectCode = code;
        }
        assignment.leaderName = request.leader().name().strip();
        assignment.leaderTitle = request.leader().title();
        assignment.leaderAccount = request.leader().account();
        assignment.taskForceName = request.taskForce().name().strip();
        assignment.leadDepartment = request.taskForce().leadDepartment().strip();
        assignment.members = write(request.taskForce().members());
        assignment.version++;
        assignment.changedBy = actor;
        assignment.changedAt = Instant.now();
        assignment.persist();
        AssignmentHistory history = AssignmentHistory.of(assignment);
        history.recordedOn = clock.today();
        history.persist();
        AssignmentView after = view(assignment, project);

        TimelineEntry.add(
                code,
                assignment.changedAt,
                TimelineEntry.Kind.ASSIGNMENT,
                "ASSIGNED",
                (before == null ? "落实包联：" : "调整包联：") + "领导 " + after.leader().name()
                        + (after.leader().title() == null
                                ? ""
                                : "（" + after.leader().title() + "）")
                        + "，专班 " + after.taskForce().name() + "，牵头部门 "
                        + after.taskForce().leadDepartment());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("assignment", after);
        content.put("previous", before);
        alerts.publish(project, AlertEventType.ASSIGNMENT_CHANGED, content);
        changes.fire(new ProjectsChanged(Set.of(code), clock.today()));
        return after;
    }

    /**
     * Applies an assignment from {@code ledger.tracker-alerts} if it is newer than the one held: nothing live,
     * where the tracker published it itself, but the way a replay into an empty database gets them back.
     */
    @Transactional
    public boolean restore(AssignmentView announced) {
        Assignment assignment = Assignment.findById(announced.projectCode());
        if (assignment != null && assignment.version >= announced.version()) {
            return false;
        }
        if (assignment == null) {
            assignment = new Assignment();
            assignment.projectCode = announced.projectCode();
        }
        assignment.leaderName = announced.leader().name();
        assignment.leaderTitle = announced.leader().title();
        assignment.leaderAccount = announced.leader().account();
        assignment.taskForceName = announced.taskForce().name();
        assignment.leadDepartment = announced.taskForce().leadDepartment();
        assignment.members = write(announced.taskForce().members());
        assignment.version = announced.version();
        assignment.changedBy = announced.changedBy();
        assignment.changedAt = announced.changedAt();
        assignment.persist();
        AssignmentHistory history = AssignmentHistory.of(assignment);
        // a replay records it on the day it was first made, unless the clock is set
        history.recordedOn = clock.setDate().orElse(clock.dateOf(assignment.changedAt));
        history.persist();
        changes.fire(new ProjectsChanged(Set.of(assignment.projectCode), clock.today()));
        return true;
    }

    public AssignmentView find(String code) {
        Assignment assignment = Assignment.findById(code);
        if (assignment == null) {
            throw HttpProblemException.notFound("Assignment of project", code);
        }
        return view(assignment, TrackedProject.findById(code));
    }

    public List<AssignmentView> list(String leader, String taskForce, String department) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (leader != null) {
            where.append(" and leaderName = :leader");
            parameters.put("leader", leader);
        }
        if (taskForce != null) {
            where.append(" and taskForceName = :taskForce");
            parameters.put("taskForce", taskForce);
        }
        if (department != null) {
            where.append(" and leadDepartment = :department");
            parameters.put("department", department);
        }
        return Assignment.<Assignment>find(where.toString(), Sort.by("projectCode"), parameters).list().stream()
                .map(a -> view(a, TrackedProject.findById(a.projectCode)))
                .toList();
    }

    /** Every leader with the projects he or she answers for, by name. */
    public List<LeaderView> leaders() {
        Map<String, LeaderView> leaders = new TreeMap<>();
        for (AssignmentView a : list(null, null, null)) {
            leaders.computeIfAbsent(
                            a.leader().name(),
                            name -> new LeaderView(name, a.leader().title(), new ArrayList<>()))
                    .projects()
                    .add(new LeaderView.ProjectRef(
                            a.projectCode(),
                            a.projectName(),
                            a.taskForce().name(),
                            a.taskForce().leadDepartment()));
        }
        return List.copyOf(leaders.values());
    }

    public List<AssignmentView> history(String code) {
        TrackedProject project = TrackedProject.findById(code);
        if (project == null) {
            throw HttpProblemException.notFound("Project", code);
        }
        List<AssignmentView> versions = new ArrayList<>();
        for (AssignmentHistory h :
                AssignmentHistory.<AssignmentHistory>list("projectCode = ?1 order by version", code)) {
            versions.add(new AssignmentView(
                    code,
                    project.name,
                    new AssignmentRequest.Leader(h.leaderName, h.leaderTitle, h.leaderAccount),
                    new AssignmentRequest.TaskForce(h.taskForceName, h.leadDepartment, read(h.members)),
                    h.version,
                    h.changedBy,
                    h.changedAt));
        }
        return versions;
    }

    AssignmentView view(Assignment a, TrackedProject project) {
        return new AssignmentView(
                a.projectCode,
                project == null ? null : project.name,
                new AssignmentRequest.Leader(a.leaderName, a.leaderTitle, a.leaderAccount),
                new AssignmentRequest.TaskForce(a.taskForceName, a.leadDepartment, read(a.members)),
                a.version,
                a.changedBy,
                a.changedAt);
    }

    private String write(List<AssignmentRequest.Member> members) {
        try {
            return json.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AssignmentRequest.Member> read(String members) {
        try {
            return json.readValue(members, MEMBERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable members of an assignment", e);
        }
    }
}
