package org.districtledger.registry.sheet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.districtledger.runtime.CurrentUser;
import org.districtledger.runtime.HttpProblem;
import org.districtledger.runtime.HttpProblemException;
import org.districtledger.runtime.identity.Roles;
import org.districtledger.sheet.SheetError;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.districtledger.sheet.LedgerSheetWriter.XLSX_MEDIA_TYPE;

/** Imports of the project office's ledger file (.xlsx or .csv), sent as the request body. */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports", description = "The project office's Excel or CSV ledger, in")
@RolesAllowed(Roles.ADMIN)
public class LedgerImportResource {

    private final LedgerImportService imports;
    private final CurrentUser user;
    private final long maxBytes;

    public LedgerImportResource(
            LedgerImportService imports,
            CurrentUser user,
            @ConfigProperty(name = "ledger.import.max-bytes") long maxBytes) {
        this.imports = imports;
        this.user = user;
        this.maxBytes = maxBytes;
    }

    @POST
    @Consumes({XLSX_MEDIA_TYPE, "text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary =
                    "Checks the file and imports it as a job (202, follow its Location); with dryRun=true only checks it. "
                            + "A file with any error imports nothing: 422 with every error by row and column")
    public Response importLedger(
            byte[] content, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, @Context UriInfo uri) {
        if (content == null || content.length == 0) {
            throw HttpProblemException.invalidField("body", "send the ledger file (.xlsx or .csv) as the request body");
        }
        if (content.length > maxBytes) {
            throw HttpProblemException.tooLarge("the file", content.length, maxBytes);
        }
        if (dryRun) {
            return Response.ok(imports.dryRun(content)).build();
        }
        ImportView job = imports.start(content, user.name());
        return Response.accepted(job)
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import's progress: rows done, rows total, and what it did")
    public ImportView progress(@PathParam("id") UUID id) {
        return imports.find(id).orElseThrow(() -> HttpProblemException.notFound("Import", id.toString()));
    }

    /** A rejected file: 422 with every error, by row and column, in Chinese and English. */
    @ServerExceptionMapper
    public Response rejected(ImportRejected rejected, UriInfo uri) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:district-ledger:problem:invalid-ledger-file");
        problem.put("title", "Invalid ledger file");
        problem.put("status", 422);
        problem.put("detail", "台账文件有 " + rejected.errors().size() + " 处错误，未导入任何数据 / " + rejected.getMessage());
        problem.put("instance", uri.getPath());
        problem.put(
                "errors",
                rejected.errors().stream()
                        .map(e -> Map.of("field", e.column(), "reason", e.reasonZh() + " / " + e.reasonEn()))
                        .toList());
        problem.put(
                "rows",
                rejected.errors().stream().map(LedgerImportResource::row).toList());
        return Response.status(422).type(HttpProblem.MEDIA_TYPE).entity(problem).build();
    }

    private static Map<String, Object> row(SheetError e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", e.row());
        row.put("column", e.column());
        row.put("reason", e.reasonZh());
        row.put("reasonEn", e.reasonEn());
        return row;
    }
}
