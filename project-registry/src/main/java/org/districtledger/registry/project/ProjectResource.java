package org.districtledger.registry.project;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The ledger's projects over REST. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "Projects on the district ledger")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ProjectResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final ProjectService projects;
    private final CurrentUser user;

    public ProjectResource(ProjectService projects, CurrentUser user) {
        this.projects = projects;
        this.user = user;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Operation(summary = "Admits a project into a pool; the registry assigns its ledger code")
    public Response register(@Valid @NotNull NewProject request, @Context UriInfo uri) {
        ProjectView created = projects.register(request, user.name());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(created.code()).build())
                .tag(etag(created))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Returns one project, with its version as ETag")
    public Response get(@PathParam("code") String code) {
        ProjectView project = projects.find(code).orElseThrow(() -> HttpProblemException.notFound("Project", code));
        return Response.ok(project).tag(etag(project)).build();
    }

    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("/{code}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Changes fields of a project (JSON merge patch); If-Match with the ETag is required")
    public Response patch(
            @PathParam("code") String code, @HeaderParam("If-Match") String ifMatch, JsonNode mergePatch) {
        ProjectView changed = projects.patch(code, expectedVersion(ifMatch), mergePatch, user.name());
        return Response.ok(changed).tag(etag(changed)).build();
    }

    @GET
    @Operation(
            summary =
                    "Lists projects by pool, city category, chain, town, lead department, size or name; paged and sorted")
    public ProjectPage list(@Valid @BeanParam ProjectQuery query) {
        return projects.list(query);
    }

    @GET
    @Path("/{code}/history")
    @Operation(summary = "Every change of the project: who, when, and the values before and after")
    public List<HistoryEntry> history(@PathParam("code") String code) {
        return projects.history(code);
    }

    private static EntityTag etag(ProjectView project) {
        return new EntityTag(String.valueOf(project.version()));
    }

    private static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new HttpProblemException(
                    428,
                    "precondition-required",
                    "Precondition required",
                    "If-Match: send the ETag of the project as read, so that no one else's change is overwritten",
                    List.of(new HttpProblem.FieldError("If-Match", "missing")));
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new HttpProblemException(
                    412,
                    "stale",
                    "Precondition failed",
                    "If-Match: " + ifMatch + " is not an ETag of this project",
                    List.of(new HttpProblem.FieldError("If-Match", "not an ETag of this project")));
        }
    }
}
