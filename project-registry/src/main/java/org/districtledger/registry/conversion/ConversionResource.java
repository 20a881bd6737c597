package org.districtledger.registry.conversion;

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
import jakarta.ws.rs.core.Response;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Conversions of a project between pools (项目转化). */
@Path("/api/v1/projects/{code}/conversions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "conversions", description = "Moving projects between the four pools")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ConversionResource {

    private final ConversionService conversions;
    private final CurrentUser user;

    public ConversionResource(ConversionService conversions, CurrentUser user) {
        this.conversions = conversions;
        this.user = user;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(
            summary =
                    "Moves the project to another pool; a skip, a move back, a suspension or a cancellation needs a reason")
    public Response convert(@PathParam("code") String code, @Valid @NotNull ConversionRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(conversions.convert(code, request, user.name()))
                .build();
    }

    @GET
    @Operation(summary = "The project's conversions, oldest first")
    public List<ConversionView> list(@PathParam("code") String code) {
        return conversions.list(code);
    }
}
