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
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Comments on a problem: the task force, the project's leader and the office write while it waits. */
@Path("/api/v1/problems/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "problems")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ProblemCommentResource {

    private final ProblemService problems;
    private final CurrentUser user;
    private final AccessPolicy access;

    public ProblemCommentResource(ProblemService problems, CurrentUser user, AccessPolicy access) {
        this.problems = problems;
        this.user = user;
        this.access = access;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Adds a comment to a problem (its task force, its leader or the office)")
    public Response comment(@PathParam("id") long id, @Valid @NotNull NewComment request) {
        String code = problems.projectCodeOf(id).orElseThrow(() -> HttpProblemException.notFound("Problem", "" + id));
        access.requireResolver(code);
        return Response.status(Response.Status.CREATED)
                .entity(problems.comment(id, request, user.name()))
                .build();
    }

    @GET
    @Operation(summary = "The comments on a problem, oldest first")
    public List<CommentView> list(@PathParam("id") long id) {
        return problems.comments(id);
    }
}
