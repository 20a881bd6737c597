package org.districtledger.system;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The architecture as the README draws it, checked on the compiled classes of every module: packages depend on
 * one another one way only, nothing below the flag rules calls up into them, resources leave queries to services,
 * and no two of our types share a simple name.
 */
class ArchitectureTest {

    /** The modules whose classes are ours, as the root pom lists them. */
    private static final List<String> MODULES = List.of(
            "libs/ledger-contract",
            "libs/service-runtime",
            "libs/ledger-sheet",
            "tools/local-stack",
            "tools/test-support",
            "tools/sample-ledger",
            "tools/launcher",
            "project-registry",
            "progress-tracker");

    private static JavaClasses main;
    private static JavaClasses tests;

    @BeforeAll
    static void importClasses() {
        main = importFrom("target/classes");
        tests = importFrom("target/test-classes");
    }

    private static JavaClasses importFrom(String folder) {
        List<Path> paths = new ArrayList<>();
        for (String module : MODULES) {
            Path classes = ChildProcess.home().resolve(module).resolve(folder);
            if (Files.isDirectory(classes)) {
                paths.add(classes);
            } else if (folder.equals("target/classes")) {
                throw new IllegalStateException(classes + " is missing: build every module first (./mvnw verify)");
            }
        }
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPaths(paths);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.districtledger.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void theFlagRulesReactToWhatHappenedAndAreNeverCalledFromBelow() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.districtledger.tracker.project..",
                        "org.districtledger.tracker.assignment..",
                        "org.districtledger.tracker.clock..",
                        "org.districtledger.tracker.alert..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.districtledger.tracker.flag..")
                .because(
                        "the read model, assignments and the clock announce changes (CDI events); the flag rules observe them")
                .check(main);
    }

    @Test
    void resourcesLeaveQueriesToServices() {
        noClasses()
                .that()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .should()
                .dependOnClassesThat()
                .areAssignableTo("jakarta.persistence.EntityManager")
                .orShould()
                .callMethodWhere(target(owner(annotatedWith("jakarta.persistence.Entity"))))
                .because("a resource is thin: it takes the request and answers with what a service or repository found")
                .check(main);
    }

    @Test
    void everyTypeOfOursHasANameOfItsOwn() {
        Map<String, Set<String>> topLevel = byName(main.stream().filter(JavaClass::isTopLevelClass));
        Map<String, Set<String>> shared = new TreeMap<>();
        topLevel.forEach((name, classes) -> {
            if (classes.size() > 1) {
                shared.put(name, classes);
            }
        });
        assertEquals(Map.of(), shared, "two main types with one simple name");

        List<String> shadowing = new ArrayList<>();
        Stream.concat(
                        main.stream().filter(c -> c.isNestedClass() && !c.isAnonymousClass() && !c.isLocalClass()),
                        tests.stream().filter(JavaClass::isTopLevelClass))
                .filter(c -> topLevel.containsKey(c.getSimpleName())
                        && !topLevel.get(c.getSimpleName()).contains(c.getName()))
                .forEach(c -> shadowing.add(c.getName() + " takes the name of " + topLevel.get(c.getSimpleName())));
        assertTrue(shadowing.isEmpty(), "a nested type or a test helper with the name of a main type: " + shadowing);
    }

    @Test
    void namesAreImportedNotSpelledOut() throws IOException {
        List<String> qualified = new ArrayList<>();
        for (String module :
                Stream.concat(MODULES.stream(), Stream.of("system-tests")).toList()) {
            Path src = ChildProcess.home().resolve(module).resolve("src");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (!line.startsWith("import ")
                                && !line.startsWith("package ")
                                && !line.startsWith("*")
                                && !line.startsWith("//")
                                && line.matches(".*\\b(java|jakarta|org|com|io)\\.[a-z]+\\.[a-z.]*[A-Z]\\w*.*")
                                && !line.matches(".*\"[^\"]*\\b(java|jakarta|org|com|io)\\.[a-z]+\\.[^\"]*\".*")) {
                            qualified.add(ChildProcess.home().relativize(file) + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(
                qualified.isEmpty(),
                "fully qualified names in code, import them instead:\n" + String.join("\n", qualified));
    }

    private static Map<String, Set<String>> byName(Stream<JavaClass> classes) {
        return classes.filter(c -> !c.getSimpleName().isEmpty() && !c.getName().contains("$$"))
                .collect(Collectors.groupingBy(
                        JavaClass::getSimpleName,
                        TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toCollection(TreeSet::new))));
    }
}
