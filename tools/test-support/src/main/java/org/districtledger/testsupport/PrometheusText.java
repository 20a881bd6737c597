package org.districtledger.testsupport;

import java.util.Map;

/** Reads a value out of a Prometheus text exposition ({@code /q/metrics}), as a scraper would. */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * The sum of the samples of the metric whose labels include all those given; NaN when there is none.
     *
     * @param text the exposition
     * @param name the sample's name, e.g. {@code ledger_events_applied_total}
     * @param labels labels each counted sample must carry
     */
    public static double value(String text, String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            String labelPart = line.startsWith(name + "{") ? line.substring(name.length() + 1, line.indexOf('}')) : "";
            boolean matches = labels.entrySet().stream()
                    .allMatch(l -> labelPart.contains(l.getKey() + "=\"" + l.getValue() + "\""));
            if (matches) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                sum += Double.parseDouble(value);
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }
}
