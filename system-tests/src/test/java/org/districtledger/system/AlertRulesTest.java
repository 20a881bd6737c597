package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules and the dashboard of deploy/observability load where they are used: Prometheus's own promtool
 * checks the compose Prometheus's configuration and the rules, and runs their unit tests (alerts-test.yml: each alert
 * fires on the series that should raise it, after its "for", with its summary, and stays quiet when the service is
 * well); Grafana's dashboard is a dashboard of the provisioned data source. Which metrics they query the services
 * export is {@link ObservabilityIT}'s to check.
 */
class AlertRulesTest {

    private static final Path OBSERVABILITY = ChildProcess.home().resolve("deploy/observability");

    @Test
    void promtoolChecksTheConfigurationAndTheRules() throws Exception {
        Path prometheus = OBSERVABILITY.resolve("prometheus");
        String config = promtool(prometheus, "check", "config", "prometheus.yml");
        assertTrue(config.contains("SUCCESS: prometheus.yml is valid"), config);
        String rules = promtool(prometheus, "check", "rules", "alerts.yml");
        assertTrue(rules.contains("SUCCESS: 7 rules found"), rules);
    }

    @Test
    void everyAlertFiresWhenItShouldAndOnlyThen() throws Exception {
        String tests = promtool(OBSERVABILITY.resolve("prometheus"), "test", "rules", "alerts-test.yml");
        assertTrue(tests.contains("SUCCESS"), tests);
        // every rule is exercised by a test that expects it to fire
        JsonNode rules = new YAMLMapper()
                .readTree(OBSERVABILITY.resolve("prometheus/alerts.yml").toFile());
        String cases = Files.readString(OBSERVABILITY.resolve("prometheus/alerts-test.yml"));
        for (JsonNode rule : rules.at("/groups/0/rules")) {
            String name = rule.get("alert").asText();
            assertTrue(cases.contains("alertname: " + name), name + " has a unit test");
            assertTrue(rule.at("/labels/severity").isTextual(), name + " has a severity");
            assertTrue(rule.at("/annotations/description").isTextual(), name + " says what to do");
        }
    }

    @Test
    void theDashboardIsOneOfTheProvisionedDataSource() throws Exception {
        JsonNode dashboard = new ObjectMapper()
                .readTree(OBSERVABILITY
                        .resolve("grafana/dashboards/district-ledger.json")
                        .toFile());
        JsonNode source = new YAMLMapper()
                .readTree(OBSERVABILITY
                        .resolve("grafana/provisioning/datasources/prometheus.yml")
                        .toFile());
        String uid = source.at("/datasources/0/uid").asText();
        assertEquals("district-ledger", dashboard.get("uid").asText());
        assertTrue(
                dashboard.get("panels").size() >= 10,
                "the panels: " + dashboard.get("panels").size());
        List<String> places = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            String title = panel.get("title").asText();
            assertEquals(uid, panel.at("/datasource/uid").asText(), title);
            assertFalse(panel.get("targets").isEmpty(), title + " queries something");
            panel.get("targets").forEach(t -> assertFalse(t.get("expr").asText().isBlank(), title));
            String place = panel.at("/gridPos/x").asInt() + ","
                    + panel.at("/gridPos/y").asInt();
            assertFalse(places.contains(place), title + " lies on another panel");
            places.add(place);
        }
    }

    /** promtool's answer to the arguments in {@code folder}; fails with its output unless it succeeds. */
    private static String promtool(Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static String executable() {
        String named = System.getenv("PROMTOOL");
        if (named != null && new File(named).canExecute()) {
            return named;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException("promtool not found: run the tests with deploy/test, which fetches it from "
                + "Debian's prometheus package, or name it with PROMTOOL");
    }
}
