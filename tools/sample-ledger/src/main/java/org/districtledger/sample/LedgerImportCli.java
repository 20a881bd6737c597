package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The project office's importer: sends its own ledger sheet (.xlsx or .csv) to the registry and follows the
 * import with a progress bar; a sheet with errors is listed row by row and nothing is imported.
 * {@code LedgerImportCli FILE [--registry http://localhost:8081] [--dry-run]}
 */
public final class LedgerImportCli {

    private LedgerImportCli() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0) {
            System.err.println(
                    "usage: deploy/import FILE.xlsx|FILE.csv [--registry http://localhost:8081] [--dry-run]");
            System.exit(64);
        }
        Path file = Paths.get(args[0]);
        String registry = "http://localhost:8081";
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (args[i].equals("--registry") && i + 1 < args.length) {
                registry = args[++i];
            }
        }
        System.exit(run(file, URI.create(registry), dryRun));
    }

    /** Imports the file; returns the exit code (0 imported, 1 refused). */
    public static int run(Path file, URI registry, boolean dryRun) throws IOException, InterruptedException {
        byte[] content = Files.readAllBytes(file);
        String type = file.toString().toLowerCase().endsWith(".csv")
                ? "text/csv"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        RegistryClient client = RegistryClient.asOffice(registry);
        JsonNode answer;
        try {
            answer = client.upload("/api/v1/imports" + (dryRun ? "?dryRun=true" : ""), content, type, 200, 202);
        } catch (RegistryClient.Refused refused) {
            printRefusal(client, refused);
            return 1;
        }
        if (dryRun) {
            System.out.printf(
                    "检查通过 / the file is fine: %d rows, %d to add, %d to update, %d unchanged%n",
                    answer.get("rowsTotal").asInt(),
                    answer.get("created").asInt(),
                    answer.get("updated").asInt(),
                    answer.get("unchanged").asInt());
            return 0;
        }
        String id = answer.get("id").asText();
        int total = answer.get("rowsTotal").asInt();
        JsonNode job = answer;
        try (ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("导入 " + file.getFileName())
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .build()) {
            while ("RUNNING".equals(job.get("status").asText())) {
                bar.stepTo(job.get("rowsDone").asInt());
                Thread.sleep(Duration.ofMillis(300).toMillis());
                job = client.get("/api/v1/imports/" + id);
            }
            bar.stepTo(job.get("rowsDone").asInt());
        }
        if (!"DONE".equals(job.get("status").asText())) {
            System.err.println(job.path("errors").path(0).asText("the import failed"));
            return 1;
        }
        System.out.printf(
                "已导入 / imported: %d added, %d updated, %d unchanged%n",
                job.get("created").asInt(),
                job.get("updated").asInt(),
                job.get("unchanged").asInt());
        return 0;
    }

    /** The errors of a refused sheet, one line each, by row and column; a long list is cut after 50. */
    private static void printRefusal(RegistryClient client, RegistryClient.Refused refused) {
        JsonNode problem;
        try {
            problem = client.json().readTree(refused.body());
        } catch (IOException | RuntimeException unreadable) {
            System.err.println("未导入 / nothing imported: " + refused.getMessage());
            return;
        }
        System.err.println("未导入 / nothing imported: " + problem.path("detail").asText(refused.getMessage()));
        JsonNode rows = problem.path("rows");
        int shown = 0;
        for (JsonNode row : rows) {
            if (shown++ == 50) {
                System.err.printf("  …及另外 %d 处 / and %d more%n", rows.size() - 50, rows.size() - 50);
                break;
            }
            System.err.printf(
                    "  第%d行 %s：%s / %s%n",
                    row.path("row").asInt(),
                    row.path("column").asText(),
                    row.path("reason").asText(),
                    row.path("reasonEn").asText());
        }
    }

    /** Imports the sample ledger that ships with this module, and waits for the job. */
    public static JsonNode importSample(URI registry) throws IOException, InterruptedException {
        byte[] content;
        try (var in = LedgerImportCli.class.getResourceAsStream("/sample/wuqing-2023-ledger.csv")) {
            content = in.readAllBytes();
        }
        RegistryClient client = RegistryClient.asOffice(registry);
        JsonNode job = client.upload("/api/v1/imports", content, "text/csv", 202);
        String id = job.get("id").asText();
        while ("RUNNING".equals(job.get("status").asText())) {
            Thread.sleep(300);
            job = client.get("/api/v1/imports/" + id);
        }
        if (!"DONE".equals(job.get("status").asText())) {
            throw new IllegalStateException("the sample ledger was not imported: " + job.path("errors"));
        }
        return job;
    }
}
