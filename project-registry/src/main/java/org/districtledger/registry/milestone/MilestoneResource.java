package org.districtledger.registry.milestone;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

/** Milestones: site entered, started (开工), completed (竣工), in production (投产). */
@Path("/api/v1/projects/{code}/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "milestones", description = "Site entry, start, completion and production")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class MilestoneResource {

    private final MilestoneService milestones;
    private final CurrentUser user;
    private final AccessPolicy access;

    public MilestoneResource(MilestoneService milestones, CurrentUser user, AccessPolicy access) {
        this.milestones = milestones;
        this.user = user;
        this.access = access;
    }

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @POST
    @Operation(summary = "Records a milestone; a start moves a PREPARING project into BUILDING")
    public Response reach(@PathParam("code") String code, @Valid @NotNull MilestoneRequest request) {
        access.requireReporter(code);
        return Response.status(Response.Status.CREATED)
                .entity(milestones.reach(code, request, user.name()))
                .build();
    }
}
