package org.districtledger.registry.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Resolving a problem, by its id. */
@Path("/api/v1/problems/{id}/resolution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "problems")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER})
public class ProblemResolutionResource {

    private final ProblemService problems;
    private final CurrentUser user;
    private final AccessPolicy access;

    public ProblemResolutionResource(ProblemService problems, CurrentUser user, AccessPolicy access) {
        this.problems = problems;
        this.user = user;
        this.access = access;
    }

    @POST
    @Operation(summary = "Resolves a problem with a note")
    public ProblemView resolve(@PathParam("id") long id, @Valid @NotNull Resolution request) {
        problems.projectCodeOf(id).ifPresent(access::requireResolver);
        return problems.resolve(id, request, user.name());
    }
}
