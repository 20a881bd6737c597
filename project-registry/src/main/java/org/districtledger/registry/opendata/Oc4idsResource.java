package org.districtledger.registry.opendata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.OptionalInt;

/** The ledger as open data for the district's open-data portal: OC4IDS project packages, all years or one. */
@Path("/api/v1/exports")
@Tag(name = "open data")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER, Roles.EXPORT})
public class Oc4idsResource {

    private final Oc4idsExport export;

    public Oc4idsResource(Oc4idsExport export) {
        this.export = export;
    }

    @GET
    @Path("/oc4ids.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every project as an OC4IDS 0.9 project package (open data: no person, problem or flag)")
    public Response all(@Context UriInfo uri) {
        return file(export.projectPackage(uri.getRequestUri(), OptionalInt.empty()), "oc4ids.json");
    }

    @GET
    @Path("/oc4ids-{year}.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The projects of one plan year as an OC4IDS 0.9 project package")
    public Response year(@PathParam("year") @Min(2000) @Max(2100) int year, @Context UriInfo uri) {
        return file(export.projectPackage(uri.getRequestUri(), OptionalInt.of(year)), "oc4ids-" + year + ".json");
    }

    private static Response file(ObjectNode projectPackage, String name) {
        return Response.ok(projectPackage)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
