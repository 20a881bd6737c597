package org.districtledger.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A service's class-data archive (AppCDS): the first run of a build records the classes the service loaded into it
 * as it stops ({@code -XX:ArchiveClassesAtExit}, a few seconds more to stop once); every later run maps them instead
 * of reading, verifying and linking them again (a registry start from about 3.7 s to 3.0 s on two cores). A new build
 * gets an archive of its own, and the JVM itself checks that an archive fits the classes it would load.
 */
public final class ClassArchive {

    private ClassArchive() {}

    /**
     * The JVM options that map this build's archive from {@code directory}, or that train it when there is none yet
     * (and then drop the archives of earlier builds: each is about 100 MB). A JVM given an agent by its environment
     * (a profiler, an instrumentation agent) cannot record an archive and would not start: it trains none. The JVM's
     * environment is this process's with {@code serviceEnvironment} over it.
     */
    public static List<String> jvmOptions(Path jar, Path directory, Map<String, String> serviceEnvironment) {
        Path application = jar.toAbsolutePath().getParent();
        String module = application.getParent().getParent().getFileName().toString();
        Path archive = directory.resolve(module + "-" + build(application) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off");
        }
        if (withAgent(serviceEnvironment, "JAVA_TOOL_OPTIONS") || withAgent(serviceEnvironment, "JDK_JAVA_OPTIONS")) {
            return List.of();
        }
        try {
            Files.createDirectories(directory);
            try (Stream<Path> earlier = Files.list(directory)) {
                for (Path old : earlier.filter(p -> p.getFileName().toString().startsWith(module + "-"))
                        .toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the archive's warnings (classes it cannot keep, such as generated accessors) are not the service's log
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off");
    }

    private static boolean withAgent(Map<String, String> serviceEnvironment, String variable) {
        String options = serviceEnvironment.getOrDefault(variable, System.getenv(variable));
        return options != null
                && (options.contains("-agentpath") || options.contains("-agentlib") || options.contains("-javaagent"));
    }

    /** A short digest of the packaged application's files, their sizes and times: which build it is. */
    static String build(Path application) {
        try (Stream<Path> files = Files.walk(application)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                if (file.getFileName().toString().endsWith(".jsa")) {
                    continue;
                }
                digest.update((application.relativize(file) + ":" + Files.size(file) + ":"
                                + Files.getLastModifiedTime(file).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
