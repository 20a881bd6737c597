package org.districtledger.tracker.weekly;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.districtledger.contract.IsoWeek;
import org.districtledger.runtime.identity.Roles;
import org.districtledger.tracker.clock.BusinessClock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The weekly scheduling view (周调度) as JSON. */
@Path("/api/v1/weekly")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "weekly", description = "The leadership weekly scheduling view (周调度)")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class WeeklyResource {

    private final WeeklyService weekly;
    private final BusinessClock clock;

    public WeeklyResource(WeeklyService weekly, BusinessClock clock) {
        this.weekly = weekly;
        this.clock = clock;
    }

    @GET
    @Path("/{isoWeek}")
    @Operation(
            summary =
                    "A week's headline figures, leaders' projects and flags, changes, open problems and chart series, as of its Sunday")
    public WeeklySchedule week(
            @PathParam("isoWeek") String isoWeek,
            @QueryParam("leader") @Size(max = 50) String leader,
            @QueryParam("town") @Size(max = 64) String town,
            @QueryParam("chain") @Size(max = 64) String chain,
            @QueryParam("pool") @Size(max = 16) String pool,
            @QueryParam("cityCategory") @Size(max = 24) String cityCategory) {
        return weekly.report(
                IsoWeek.parse(isoWeek, "isoWeek"), new WeeklyService.Filter(leader, town, chain, pool, cityCategory));
    }

    @GET
    @Path("/{isoWeek}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The week's 周调度表 as a workbook, one sheet per section")
    public Response workbook(
            @PathParam("isoWeek") String isoWeek,
            @QueryParam("leader") @Size(max = 50) String leader,
            @QueryParam("town") @Size(max = 64) String town,
            @QueryParam("chain") @Size(max = 64) String chain,
            @QueryParam("pool") @Size(max = 16) String pool,
            @QueryParam("cityCategory") @Size(max = 24) String cityCategory) {
        WeeklySchedule report = week(isoWeek, leader, town, chain, pool, cityCategory);
        StreamingOutput body = out -> WeeklyWorkbook.write(report, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"weekly-" + report.week() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("/current")
    @Operation(summary = "The week of the business clock")
    public WeeklySchedule current() {
        return weekly.report(IsoWeek.of(clock.today()), WeeklyService.Filter.NONE);
    }
}
