package org.districtledger.registry.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.contract.IsoWeek;
import org.districtledger.registry.workspace.WorkspaceService;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The Monday reminders: made on demand by the office, read in the workspace's inbox, and the robots they go to. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reminders", description = "What each task force has due, every Monday")
public class ReminderResource {

    private final ReminderService reminders;
    private final RobotService robots;
    private final WorkspaceService workspace;
    private final CurrentUser user;

    public ReminderResource(
            ReminderService reminders, RobotService robots, WorkspaceService workspace, CurrentUser user) {
        this.reminders = reminders;
        this.robots = robots;
        this.workspace = workspace;
        this.user = user;
    }

    @POST
    @Path("/reminders")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Makes the week's reminders now (default: this week); a task force reminded that week is not again")
    public ReminderService.Run remind(@QueryParam("week") String week) {
        return reminders.remind(week == null || week.isBlank() ? workspace.currentWeek() : IsoWeek.parse(week, "week"));
    }

    @GET
    @Path("/reminders/mine")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
    @Operation(summary = "The reminders of the user's task forces (the office: all), newest first")
    public List<ReminderView> mine() {
        return reminders.inbox(user.name(), user.hasRole(Roles.ADMIN), 20);
    }

    @PUT
    @Path("/task-forces/{name}/robot")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sets a task force's group robot (WeCom or DingTalk webhook); the answer never shows its key")
    public Map<String, Object> setRobot(@PathParam("name") String name, @Valid @NotNull RobotRequest request) {
        return robots.set(name, request, user.name());
    }
}
