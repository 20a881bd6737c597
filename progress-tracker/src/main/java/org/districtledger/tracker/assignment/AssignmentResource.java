package org.districtledger.tracker.assignment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** 包联: which leader and which task force follow each project. */
@Path("/api/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "assignments", description = "One project, one leader, one task force (包联)")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class AssignmentResource {

    private final AssignmentService assignments;
    private final CurrentUser user;

    public AssignmentResource(AssignmentService assignments, CurrentUser user) {
        this.assignments = assignments;
        this.user = user;
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Operation(summary = "Sets the project's leader and task force; the previous ones are kept in its history")
    public AssignmentView assign(@PathParam("code") String code, @Valid @NotNull AssignmentRequest request) {
        return assignments.assign(code, request, user.name());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The project's leader and task force")
    public AssignmentView get(@PathParam("code") String code) {
        return assignments.find(code);
    }

    @GET
    @Path("/{code}/history")
    @Operation(summary = "Every version of the project's assignment, with who changed it and when")
    public List<AssignmentView> history(@PathParam("code") String code) {
        return assignments.history(code);
    }

    @GET
    @Operation(summary = "Assignments by leader, task force or lead department")
    public List<AssignmentView> list(
            @QueryParam("leader") @Size(max = 50) String leader,
            @QueryParam("taskForce") @Size(max = 100) String taskForce,
            @QueryParam("department") @Size(max = 100) String department) {
        return assignments.list(leader, taskForce, department);
    }
}
