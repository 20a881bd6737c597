package org.districtledger.registry.progress;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Weekly progress reports (建设进展), one per project and ISO week. */
@Path("/api/v1/projects/{code}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "progress", description = "Weekly progress reports of the task forces")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ProgressResource {

    private final ProgressService progress;
    private final CurrentUser user;
    private final AccessPolicy access;

    public ProgressResource(ProgressService progress, CurrentUser user, AccessPolicy access) {
        this.progress = progress;
        this.user = user;
        this.access = access;
    }

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @PUT
    @Path("/{isoWeek}")
    @Operation(
            summary =
                    "Reports a week (e.g. 2023-W18); sending the same week again corrects it, and the old report is kept")
    public Response report(
            @PathParam("code") String code,
            @PathParam("isoWeek") String isoWeek,
            @Valid @NotNull ProgressRequest request) {
        access.requireReporter(code);
        ProgressService.Reported reported = progress.report(code, isoWeek, request, user.name());
        return Response.status(reported.replaced() ? Response.Status.OK : Response.Status.CREATED)
                .entity(reported.report())
                .build();
    }

    @GET
    @Operation(summary = "The project's weekly reports, oldest first, with cumulative investment")
    public List<ProgressView> list(@PathParam("code") String code) {
        return progress.list(code);
    }
}
