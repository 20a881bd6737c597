package org.districtledger.tracker.project;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The projects the tracker has learned of from the registry's events. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "Projects as the tracker knows them")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class TrackedProjectResource {

    private final ReadModel readModel;

    public TrackedProjectResource(ReadModel readModel) {
        this.readModel = readModel;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Returns one project as of the latest event applied")
    public TrackedProjectView get(@PathParam("code") String code) {
        return readModel.find(code).orElseThrow(() -> HttpProblemException.notFound("Project", code));
    }

    @GET
    @Operation(summary = "Lists tracked projects, by ledger code, one page at a time")
    public TrackedProjectPage list(
            @QueryParam("pool") String pool,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return readModel.list(pool, page, size);
    }
}
