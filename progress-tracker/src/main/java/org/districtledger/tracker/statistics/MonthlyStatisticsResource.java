package org.districtledger.tracker.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The monthly statistics (月度统计) as published at each month's end, as JSON and as a workbook. */
@Path("/api/v1/statistics/monthly")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics", description = "Monthly statistics for the statistics bureau (月度统计)")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER})
public class MonthlyStatisticsResource {

    private final MonthlyStatisticsService statistics;

    public MonthlyStatisticsResource(MonthlyStatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "The months published, newest first")
    public List<String> months() {
        return statistics.months();
    }

    @GET
    @Path("/{month}")
    @Operation(
            summary = "A month's statistics as of its last day, as its ledger.statistics.monthly.v1 event carried them")
    public MonthlyStatistics month(@PathParam("month") String month) {
        return statistics.published(parse(month));
    }

    @GET
    @Path("/{month}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "A month's statistics as a workbook: the totals, then one sheet per breakdown")
    public Response workbook(@PathParam("month") String month) {
        MonthlyStatistics published = statistics.published(parse(month));
        StreamingOutput body = out -> MonthlyWorkbook.write(published, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"statistics-" + published.month() + ".xlsx\"")
                .build();
    }

    private static YearMonth parse(String month) {
        try {
            if (month == null || !month.matches("[0-9]{4}-[0-9]{2}")) {
                throw new DateTimeParseException("not a month", String.valueOf(month), 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw HttpProblemException.invalidField("month", "must be a month as yyyy-MM, e.g. 2023-06");
        }
    }
}
