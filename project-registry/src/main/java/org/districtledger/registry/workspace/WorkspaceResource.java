package org.districtledger.registry.workspace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.contract.IsoWeek;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in user's workspace (项目工作台) as JSON: his projects and what is due on each in a week. */
@Path("/api/v1/workspace")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "workspace", description = "What each user has due")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class WorkspaceResource {

    private final WorkspaceService workspace;
    private final CurrentUser user;

    public WorkspaceResource(WorkspaceService workspace, CurrentUser user) {
        this.workspace = workspace;
        this.user = user;
    }

    @GET
    @Operation(
            summary = "The user's projects (the office: all; an officer: his task forces'; a leader: his own) and "
                    + "what is due on each in the week (default: this week)")
    public Workspace get(@QueryParam("week") String week) {
        return workspace.of(
                user, week == null || week.isBlank() ? workspace.currentWeek() : IsoWeek.parse(week, "week"));
    }
}
