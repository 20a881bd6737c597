package org.districtledger.tracker.project;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Projects whose events wait for a missing one, and the operator's release of them. */
@Path("/api/v1/parked-projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "parked", description = "Projects whose registry events wait for a missing earlier event")
@RolesAllowed(Roles.ADMIN)
public class ParkedEventResource {

    private final ReadModel readModel;
    private final CurrentUser user;

    public ParkedEventResource(ReadModel readModel, CurrentUser user) {
        this.readModel = readModel;
        this.user = user;
    }

    @GET
    @Operation(summary = "Lists the parked projects, the longest waiting first")
    public List<ParkedProject> list() {
        return readModel.parked();
    }

    @POST
    @Path("/{code}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Gives the missing events up for lost and applies the parked ones in order (audited)")
    public GapReleaseView release(@PathParam("code") String code, @Valid @NotNull GapReleaseRequest request) {
        return GapReleaseView.of(readModel.release(code, request.reason(), user.name()));
    }
}
