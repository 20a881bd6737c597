package org.districtledger.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a run command left behind when it was killed hard (its PostgreSQL, its Kafka broker, its services),
 * found by the data folder their command lines name, and stopped the way the run command stops them: the services
 * and Kafka first (PostgreSQL's clients), then PostgreSQL, each given time to shut down cleanly. Nothing of another
 * data folder is touched, and nothing of a run command still alive: that is refused.
 */
final class LeftBehind {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private LeftBehind() {}

    /** The mark a process of this data folder carries in its command line. */
    static String mark(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().normalize() + "/";
    }

    /** Stops what a previous run on this data folder left running; answers what it stopped. */
    static List<String> stop(Path dataDirectory) {
        String mark = mark(dataDirectory);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(mark)).orElse(false))
                // PostgreSQL's backends go with their postmaster: only the postmaster is stopped
                .filter(p -> !isPostgres(p)
                        || p.parent().map(parent -> !isPostgres(parent)).orElse(true))
                .toList();
        found.stream()
                .flatMap(p -> p.parent().stream())
                .filter(parent -> parent.info()
                        .commandLine()
                        .map(c -> c.contains(LocalRun.class.getName()))
                        .orElse(false))
                .findFirst()
                .ifPresent(live -> {
                    throw new IllegalStateException("another run command (pid " + live.pid() + ") is using "
                            + dataDirectory + "; stop it first, or set LEDGER_DATA_DIR to another folder");
                });
        List<ProcessHandle> clients = found.stream().filter(p -> !isPostgres(p)).toList();
        List<ProcessHandle> postgres =
                found.stream().filter(LeftBehind::isPostgres).toList();
        terminate(clients);
        terminate(postgres);
        return found.stream()
                .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                .toList();
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    /** SIGTERM to each, then waits; what is still alive after the grace period is killed. */
    private static void terminate(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : processes) {
            CompletableFuture<ProcessHandle> exit = process.onExit();
            try {
                exit.get(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                exit.completeOnTimeout(process, 10, TimeUnit.SECONDS).join();
            } catch (ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
