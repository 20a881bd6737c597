package org.districtledger.tracker.clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The business clock: what the rules and the weekly view take as today. */
@Path("/api/v1/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "clock", description = "The business date the tracker works as of")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class ClockResource {

    private final BusinessClock clock;
    private final CurrentUser user;

    public ClockResource(BusinessClock clock, CurrentUser user) {
        this.clock = clock;
        this.user = user;
    }

    @GET
    @Operation(summary = "The business date")
    public ClockView get() {
        return new ClockView(clock.today(), clock.setDate().isPresent());
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Operation(summary = "Works as of a date; every project's flags are evaluated again as of it")
    public ClockView set(@Valid @NotNull ClockSetting setting) {
        clock.set(setting.asOf(), user.name());
        return get();
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Operation(summary = "Follows the calendar again; every project's flags are evaluated again as of today")
    public ClockView reset() {
        clock.set(null, user.name());
        return get();
    }
}
