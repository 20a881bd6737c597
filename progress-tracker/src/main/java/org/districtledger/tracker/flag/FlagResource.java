package org.districtledger.tracker.flag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The flags: which projects lag, how badly, why, and who answers for them. */
@Path("/api/v1/flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "flags", description = "Red and yellow flags raised by the rules")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class FlagResource {

    private final FlagQueries flags;
    private final RuleVersions versions;

    public FlagResource(FlagQueries flags, RuleVersions versions) {
        this.flags = flags;
        this.versions = versions;
    }

    @GET
    @Path("/rules")
    @Operation(
            summary =
                    "Every version of every rule: its logic and thresholds as used since when, the current ones marked")
    public List<RuleVersions.RuleVersionView> rules() {
        return versions.all();
    }

    @GET
    @Operation(summary = "Flags by state (default OPEN), colour, rule, leader, task force, town and chain; red first")
    public List<FlagView> list(
            @QueryParam("state") Flag.State state,
            @QueryParam("colour") Colour colour,
            @QueryParam("rule") Rule rule,
            @QueryParam("leader") @Size(max = 50) String leader,
            @QueryParam("taskForce") @Size(max = 100) String taskForce,
            @QueryParam("town") @Size(max = 64) String town,
            @QueryParam("chain") @Size(max = 64) String chain,
            @QueryParam("project") @Size(max = 32) String project) {
        return flags.find(new FlagQueries.Filter(state, colour, rule, leader, taskForce, town, chain, project));
    }
}
