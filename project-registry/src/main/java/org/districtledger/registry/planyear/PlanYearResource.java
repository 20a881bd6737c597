package org.districtledger.registry.planyear;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static org.districtledger.sheet.LedgerSheetWriter.XLSX_MEDIA_TYPE;

/** Plan years (计划年度) and the year-end rollover (年度结转) into the next. */
@Path("/api/v1/plan-years")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plan years", description = "Plan years and the year-end rollover (年度结转)")
public class PlanYearResource {

    private final PlanYearService planYears;
    private final CurrentUser user;
    private final long maxBytes;

    public PlanYearResource(
            PlanYearService planYears,
            CurrentUser user,
            @ConfigProperty(name = "ledger.import.max-bytes") long maxBytes) {
        this.planYears = planYears;
        this.user = user;
        this.maxBytes = maxBytes;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER, Roles.EXPORT})
    @Operation(summary = "The plan years, newest first: open or closed, with their projects and annual plans")
    public List<PlanYearView> years() {
        return planYears.years();
    }

    @GET
    @Path("/{year}/plan-sheet.xlsx")
    @Produces(XLSX_MEDIA_TYPE)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The open year's projects to carry over, as the sheet of next year's annual plans to fill in")
    public Response planSheet(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return Response.ok(planYears.planSheet(year))
                .header("Content-Disposition", "attachment; filename=\"plan-" + (year + 1) + ".xlsx\"")
                .build();
    }

    @POST
    @Path("/{year}/rollover")
    @Consumes({XLSX_MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary =
                    "Closes the open plan year and carries its unfinished projects into the next with the plan sheet's"
                            + " annual plans; dryRun=true only checks and tells what it would do. Any wrong row refuses the"
                            + " whole sheet, naming every reason")
    public Rollover rollover(
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            byte[] sheet) {
        if (sheet == null || sheet.length == 0) {
            throw HttpProblemException.invalidField("body", "send the filled plan sheet (.xlsx) as the request body");
        }
        if (sheet.length > maxBytes) {
            throw HttpProblemException.tooLarge("the sheet", sheet.length, maxBytes);
        }
        return planYears.rollover(year, sheet, dryRun, user.name());
    }

    @GET
    @Path("/{year}/ledger.xlsx")
    @Produces(XLSX_MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER, Roles.EXPORT})
    @Operation(summary = "A closed year's ledger workbook, as it stood when the year was rolled over")
    public Response closedLedger(@PathParam("year") @Min(2000) @Max(2100) int year) {
        byte[] ledger = planYears.closedLedger(year);
        return Response.ok(ledger)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + year + ".xlsx\"")
                .build();
    }
}
