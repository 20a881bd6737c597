package org.districtledger.registry.workspace;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.districtledger.contract.IsoWeek;
import org.districtledger.registry.access.AccessPolicy;
import org.districtledger.registry.progress.WeekReportService;
import org.districtledger.registry.progress.WeekReports;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.districtledger.sheet.LedgerSheetWriter.XLSX_MEDIA_TYPE;

/** A whole week of reports at once: the workspace's grid, and the same grid as a sheet. */
@Path("/api/v1/weekly-reports/{isoWeek}")
@Tag(name = "progress")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class WeekReportResource {

    private final WeekReportService reports;
    private final WorkspaceService workspace;
    private final AccessPolicy access;
    private final CurrentUser user;
    private final long maxBytes;

    public WeekReportResource(
            WeekReportService reports,
            WorkspaceService workspace,
            AccessPolicy access,
            CurrentUser user,
            @ConfigProperty(name = "ledger.import.max-bytes") long maxBytes) {
        this.reports = reports;
        this.workspace = workspace;
        this.access = access;
        this.user = user;
        this.maxBytes = maxBytes;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Reports the week for many projects at once: every row is saved, or none (400 with each error by "
                    + "row, e.g. rows[3].imageProgressPercent)")
    public WeekReports.Saved save(@PathParam("isoWeek") String isoWeek, @Valid @NotNull WeekReports request) {
        return reports.save(isoWeek, request, access, user.name());
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX_MEDIA_TYPE)
    @Operation(summary = "The week's grid as a sheet: the user's projects that report, last week's values filled in")
    public Response template(@PathParam("isoWeek") String isoWeek) {
        IsoWeek week = IsoWeek.parse(isoWeek, "isoWeek");
        List<Workspace.Item> rows = workspace.of(user, week).projects().stream()
                .filter(p -> p.canReport() && p.takesWeeklyReport())
                .toList();
        StreamingOutput body = out -> WeekSheet.write(week.toString(), rows, out);
        String name = URLEncoder.encode("周报-" + week + ".xlsx", StandardCharsets.UTF_8);
        return Response.ok(body, XLSX_MEDIA_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"week-" + week + ".xlsx\"; filename*=UTF-8''" + name)
                .build();
    }

    @POST
    @Path("/sheet")
    @Consumes({XLSX_MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reports the week from the filled-in template: the same rules as the grid, all rows or none")
    public WeekReports.Saved upload(@PathParam("isoWeek") String isoWeek, byte[] content) {
        if (content == null || content.length == 0) {
            throw HttpProblemException.invalidField("body", "请选择填好的周报模板 / send the filled-in .xlsx as the body");
        }
        if (content.length > maxBytes) {
            throw HttpProblemException.invalidField("body", "文件过大 / larger than " + maxBytes + " bytes");
        }
        return reports.save(isoWeek, new WeekReports(WeekSheet.read(content)), access, user.name());
    }
}
