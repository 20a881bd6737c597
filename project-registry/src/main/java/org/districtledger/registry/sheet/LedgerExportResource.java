package org.districtledger.registry.sheet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.districtledger.registry.project.ProjectQuery;
import org.districtledger.registry.project.ProjectService;
import org.districtledger.runtime.identity.Roles;
import org.districtledger.sheet.LedgerRow;
import org.districtledger.sheet.LedgerSheetWriter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static org.districtledger.sheet.LedgerSheetWriter.XLSX_MEDIA_TYPE;

/** The ledger out, in the project office's layout: export then import changes nothing. */
@Path("/api/v1/exports")
@Tag(name = "imports")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.LEADER, Roles.VIEWER, Roles.EXPORT})
public class LedgerExportResource {

    private final ProjectService projects;

    public LedgerExportResource(ProjectService projects) {
        this.projects = projects;
    }

    @GET
    @Path("/ledger.xlsx")
    @Produces(XLSX_MEDIA_TYPE)
    @Operation(summary = "The ledger as an Excel workbook, with the filters of the project list")
    public Response xlsx(@Valid @BeanParam ProjectQuery query) {
        List<LedgerRow> rows = rows(query);
        StreamingOutput body = out -> LedgerSheetWriter.writeXlsx(rows, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"ledger.xlsx\"")
                .build();
    }

    @GET
    @Path("/ledger.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "The ledger as a CSV file (UTF-8), with the filters of the project list")
    public Response csv(@Valid @BeanParam ProjectQuery query) {
        List<LedgerRow> rows = rows(query);
        StreamingOutput body = out -> LedgerSheetWriter.writeCsv(rows, out);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"ledger.csv\"")
                .build();
    }

    private List<LedgerRow> rows(ProjectQuery query) {
        return projects.all(query).stream().map(LedgerRows::of).toList();
    }
}
