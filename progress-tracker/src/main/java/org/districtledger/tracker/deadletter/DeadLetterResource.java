package org.districtledger.tracker.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The registry events the tracker dead-lettered: listed, read, and re-driven once their cause is fixed. */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dead letters", description = "Registry events the tracker could not apply, and their re-drive")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {

    private final DeadLetterService deadLetters;
    private final CurrentUser user;

    public DeadLetterResource(DeadLetterService deadLetters, CurrentUser user) {
        this.deadLetters = deadLetters;
        this.user = user;
    }

    @GET
    @Operation(summary = "The newest dead letters, newest first: why each is there, where it came from, its re-drive")
    public List<DeadLetterView> list(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(DeadLetterService.MAX_LISTED) int limit) {
        return deadLetters.newest(limit);
    }

    @GET
    @Path("/{partition}/{offset}")
    @Operation(summary = "One dead letter, whole: its value and every header")
    public DeadLetterView one(@PathParam("partition") @Min(0) int partition, @PathParam("offset") @Min(0) long offset) {
        return deadLetters.one(partition, offset);
    }

    @POST
    @Path("/{partition}/{offset}/redrive")
    @Operation(
            summary = "Takes the dead letter again as it first came, through the same checks (recorded; once a "
                    + "record): applied, or back on the dead-letter topic with its new reason")
    public DeadLetterView redrive(
            @PathParam("partition") @Min(0) int partition, @PathParam("offset") @Min(0) long offset)
            throws InterruptedException {
        return deadLetters.redrive(partition, offset, user.name());
    }
}
