package org.districtledger.tracker.assignment;

import jakarta.annotation.security.RolesAllowed;
import org.districtledger.runtime.identity.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The district leaders and the projects each answers for. */
@Path("/api/v1/leaders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assignments")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class LeaderResource {

    /** A leader and the projects he or she answers for. */
    public record LeaderView(String name, String title, List<ProjectRef> projects) {
    }

    /** A project of a leader, with its task force. */
    public record ProjectRef(String code, String name, String taskForce, String leadDepartment) {
    }

    private final AssignmentService assignments;

    public LeaderResource(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @GET
    @Operation(summary = "Every leader with his or her projects")
    public List<LeaderView> leaders() {
        Map<String, LeaderView> leaders = new TreeMap<>();
        for (AssignmentView a : assignments.list(null, null, null)) {
            leaders.computeIfAbsent(a.leader().name(), name -> new LeaderView(name, a.leader().title(), new ArrayList<>()))
                    .projects().add(new ProjectRef(a.projectCode(), a.projectName(), a.taskForce().name(), a.taskForce().leadDepartment()));
        }
        return List.copyOf(leaders.values());
    }
}
