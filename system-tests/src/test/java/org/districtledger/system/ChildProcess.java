package org.districtledger.system;

import org.districtledger.launcher.ClassArchive;
import org.districtledger.launcher.LocalRun;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A JVM the tests start as a user would, with its output in a file the test can read. */
final class ChildProcess {

    final Process process;
    final Path output;

    private ChildProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildProcess java(Path output, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return new ChildProcess(builder.start(), output);
    }

    /**
     * A packaged service. A service that lives for one test runs on the quick compiler only and the serial collector
     * (two cores are better spent on the test than on C2); a benchmark's runs as the run command starts it.
     */
    static ChildProcess service(Path output, Map<String, String> env, String module, boolean fullyCompiled)
            throws IOException {
        Path jar = home().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        List<String> args = new ArrayList<>();
        if (fullyCompiled) {
            args.addAll(LocalRun.SERVICE_JVM_OPTIONS);
            args.addAll(ClassArchive.jvmOptions(jar, output.getParent().resolve("class-archives"), env));
        } else {
            args.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        args.add("-jar");
        args.add(jar.toString());
        return java(output, env, args.toArray(String[]::new));
    }

    /** The launcher's main, on the class path that deploy/run uses. */
    static ChildProcess launcher(Path output, Map<String, String> env) throws IOException {
        String classPath = System.getProperty("launcher.classes")
                + File.pathSeparator
                + Files.readString(Paths.get(System.getProperty("launcher.classpath")))
                        .trim();
        return java(output, env, "-cp", classPath, LocalRun.class.getName());
    }

    static Path home() {
        return Paths.get(System.getProperty("ledger.home"));
    }

    String log() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    void awaitLog(String text, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!process.isAlive() && !log().contains(text)) {
                throw new AssertionError(
                        "exited (" + process.exitValue() + ") before printing '" + text + "':\n" + log());
            }
            return log().contains(text);
        });
    }

    /** Sends SIGINT, as Ctrl-C does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .start()
                .waitFor();
    }
}
