package org.districtledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the dashboard and the alert rules of deploy/observability query is what the services export: every metric
 * they name is in the /q/metrics of the run command's services after the sample year, except a counter that has
 * not counted anything yet (Micrometer makes a tagged counter at its first count: no dead letter, no robot in the
 * sample), which must then be one the README's "Operating it" documents.
 */
@Order(5)
@ExtendWith(SampleSystem.Shared.class)
class ObservabilityIT {

    private static final Path HOME = ChildProcess.home();
    /** Label names, ranges, strings and grouping clauses: everything in a query that is not a metric's name. */
    private static final Pattern NOT_A_NAME = Pattern.compile("\\{[^}]*}|\\[[^]]*]|\"[^\"]*\"|\\bby \\([^)]*\\)");

    private static final Pattern NAME = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");

    @Test
    void theDashboardAndTheAlertsQueryWhatTheServicesExport(SampleSystem system) throws Exception {
        Set<String> exported = new TreeSet<>();
        for (Http service : new Http[] {system.registry(), system.tracker()}) {
            String metrics = service.get("/q/metrics").body();
            metrics.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }
        assertTrue(exported.contains("ledger_events_applied_total"), "the tracker's own metrics: " + exported);

        Set<String> queried = new TreeSet<>();
        JsonNode rules = new YAMLMapper()
                .readTree(HOME.resolve("deploy/observability/prometheus/alerts.yml")
                        .toFile());
        rules.at("/groups/0/rules")
                .forEach(rule -> queried.addAll(names(rule.get("expr").asText())));
        JsonNode dashboard = new ObjectMapper()
                .readTree(HOME.resolve("deploy/observability/grafana/dashboards/district-ledger.json")
                        .toFile());
        dashboard
                .get("panels")
                .forEach(panel -> panel.get("targets")
                        .forEach(target ->
                                queried.addAll(names(target.get("expr").asText()))));
        assertTrue(queried.size() > 10, "the metrics queried: " + queried);

        String operating = Files.readString(HOME.resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String name : queried) {
            boolean notYetCounted = name.endsWith("_total") && operating.contains(name.replaceAll("_total$", ""));
            if (!exported.contains(name) && !notYetCounted) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "queried by the dashboard or the alerts, exported by neither service");
    }

    /** The metric names in a PromQL expression. */
    private static Set<String> names(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(NOT_A_NAME.matcher(expression).replaceAll(" "));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }
}
