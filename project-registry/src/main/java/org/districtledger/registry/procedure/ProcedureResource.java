package org.districtledger.registry.procedure;

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
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The permit checklist of a project (手续办理情况). */
@Path("/api/v1/projects/{code}/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "procedures", description = "Permits: approval, land, planning, environment, energy, construction")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ProcedureResource {

    private final ProcedureService procedures;
    private final CurrentUser user;
    private final AccessPolicy access;

    public ProcedureResource(ProcedureService procedures, CurrentUser user, AccessPolicy access) {
        this.procedures = procedures;
        this.user = user;
        this.access = access;
    }

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @PUT
    @Path("/{type}")
    @Operation(summary = "Sets the state of one permit")
    public ProcedureView update(
            @PathParam("code") String code, @PathParam("type") String type, @Valid @NotNull ProcedureUpdate request) {
        access.requireReporter(code);
        return procedures.update(code, type, request, user.name());
    }

    @GET
    @Operation(summary = "The whole checklist, in the usual order")
    public List<ProcedureView> checklist(@PathParam("code") String code) {
        return procedures.checklist(code);
    }
}
