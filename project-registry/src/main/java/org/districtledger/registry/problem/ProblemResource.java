package org.districtledger.registry.problem;

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
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The problems of a project that need another department (问题协调). */
@Path("/api/v1/projects/{code}/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "problems", description = "Problems raised by task forces for other departments")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ProblemResource {

    private final ProblemService problems;
    private final CurrentUser user;
    private final AccessPolicy access;

    public ProblemResource(ProblemService problems, CurrentUser user, AccessPolicy access) {
        this.problems = problems;
        this.user = user;
        this.access = access;
    }

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @POST
    @Operation(summary = "Raises a problem for a department")
    public Response raise(@PathParam("code") String code, @Valid @NotNull NewProblem request) {
        access.requireReporter(code);
        return Response.status(Response.Status.CREATED)
                .entity(problems.raise(code, request, user.name()))
                .build();
    }

    @GET
    @Operation(summary = "The project's problems, open and resolved")
    public List<ProblemView> list(@PathParam("code") String code) {
        return problems.list(code);
    }
}
