package org.districtledger.registry.sheet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as the API shows it; a dry run has no id and reports what an import would do.
 *
 * @param created projects the import adds to the ledger
 * @param updated projects whose fields it changes
 * @param unchanged projects it finds as they are
 * @param errors what went wrong while the job ran (the file's own errors are answered before a job starts)
 */
public record ImportView(
        UUID id,
        String status,
        boolean dryRun,
        int rowsTotal,
        int rowsDone,
        int created,
        int updated,
        int unchanged,
        List<String> errors,
        Instant createdAt,
        Instant finishedAt) {

    static ImportView of(ImportJob job) {
        return new ImportView(
                job.id,
                job.status.name(),
                false,
                job.rowsTotal,
                job.rowsDone,
                job.created,
                job.updated,
                job.unchanged,
                job.failure == null ? List.of() : List.of(job.failure),
                job.createdAt,
                job.finishedAt);
    }
}
