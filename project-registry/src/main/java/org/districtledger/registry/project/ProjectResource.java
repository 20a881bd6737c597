package org.districtledger.registry.project;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.districtledger.runtime.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger's projects over REST. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "Projects on the district ledger")
public class ProjectResource {

    private final ProjectService projects;

    public ProjectResource(ProjectService projects) {
        this.projects = projects;
    }

    @POST
    @Operation(summary = "Admits a project into a pool; the registry assigns its ledger code")
    public Response register(@Valid @NotNull NewProject request, @Context UriInfo uri) {
        ProjectView created = projects.register(request, "anonymous");
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build())
                .tag(etag(created))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Returns one project, with its version as ETag")
    public Response get(@PathParam("code") String code) {
        ProjectView project = projects.find(code).orElseThrow(() -> ProblemException.notFound("Project", code));
        return Response.ok(project).tag(etag(project)).build();
    }

    @GET
    @Operation(summary = "Lists projects, by ledger code, one page at a time")
    public ProjectPage list(@QueryParam("pool") Pool pool,
                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return projects.list(pool, page, size);
    }

    private static EntityTag etag(ProjectView project) {
        return new EntityTag(String.valueOf(project.version()));
    }
}
