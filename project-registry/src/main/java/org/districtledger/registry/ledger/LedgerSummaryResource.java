package org.districtledger.registry.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ledger's figures: counts and sums by pool, city category and size. */
@Path("/api/v1/ledger/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger", description = "The ledger as a whole")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER, Roles.EXPORT})
public class LedgerSummaryResource {

    private final LedgerSummaryService summaries;

    public LedgerSummaryResource(LedgerSummaryService summaries) {
        this.summaries = summaries;
    }

    @GET
    @Operation(summary = "Counts and sums of a plan year by pool, by city category and by size band (万元)")
    public LedgerSummary summary(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return summaries.summarize(year);
    }
}
