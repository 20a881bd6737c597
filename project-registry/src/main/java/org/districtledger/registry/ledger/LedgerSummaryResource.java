package org.districtledger.registry.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
    @Operation(
            summary = "Counts and sums of a plan year by pool, by city category and by size band (万元);"
                    + " asOf (a date in the plan year) gives the ledger as it stood that day")
    public LedgerSummary summary(
            @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @QueryParam("asOf") @Size(max = 10) String asOf) {
        return summaries.summarize(year, asOf == null ? null : dayOf(asOf, year));
    }

    /** The as-of day: a date (YYYY-MM-DD) within the plan year, or a 400 naming {@code asOf}. */
    private static LocalDate dayOf(String asOf, int year) {
        LocalDate day;
        try {
            day = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw HttpProblemException.invalidField("asOf", "must be a date (YYYY-MM-DD), not '" + asOf + "'");
        }
        if (day.getYear() != year) {
            throw HttpProblemException.invalidField("asOf", "must lie within the plan year " + year);
        }
        return day;
    }
}
