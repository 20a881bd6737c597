package org.districtledger.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.districtledger.contract.IsoWeek;
import org.districtledger.contract.Pool;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The figures a project office reads of its district at a week, to judge how believable a simulated year is: 开工率,
 * investment against 序时进度, permits, conversions, completions, the share of projects flagged, the slips,
 * suspensions, moves back and cancellations of the year so far. Read from the running services, as the office would;
 * the bands a district would recognise, with their reasons, are the calibration test's ({@code CalibrationIT}).
 */
public final class Calibration {

    /** One figure of the district: its name as the office says it, its value, and what it counts when that helps. */
    public record Figure(String name, BigDecimal value, String detail) {}

    private Calibration() {}

    /** The figures of the running system as of the end of {@code week}, in the order of the calibration table. */
    public static List<Figure> measure(URI registryUri, URI trackerUri, IsoWeek week) {
        RegistryClient registry = RegistryClient.asOffice(registryUri);
        RegistryClient tracker = RegistryClient.asOffice(trackerUri);
        LocalDate asOf = week.sunday();
        LocalDate yearStart = LocalDate.of(week.year(), 1, 1);
        List<JsonNode> projects = all(registry);

        int plannedByNow = 0;
        int startedOfThose = 0;
        int completions = 0;
        int permitsDue = 0;
        int permitsDone = 0;
        int permitsOnTime = 0;
        int slips = 0;
        int suspensions = 0;
        int movesBack = 0;
        int cancellations = 0;
        int conversions = 0;
        List<String> namedMissed = new ArrayList<>();
        for (JsonNode p : projects) {
            String code = p.get("code").asText();
            LocalDate plannedStart = date(p, "plannedStart");
            LocalDate actualStart = date(p, "actualStart");
            LocalDate completed = date(p, "actualCompletion");
            if (plannedStart != null
                    && !plannedStart.isBefore(yearStart)
                    && !plannedStart.isAfter(asOf)
                    && !p.get("pool").asText().equals("CANCELLED")) {
                plannedByNow++;
                if (actualStart != null && !actualStart.isAfter(asOf)) {
                    startedOfThose++;
                }
            }
            if (completed != null && !completed.isBefore(yearStart) && !completed.isAfter(asOf)) {
                completions++;
            }
            String name = p.get("name").asText();
            LocalDate plannedCompletion = date(p, "plannedCompletion");
            if (Named.COMPLETING_2023.contains(name)
                    && plannedCompletion != null
                    && !plannedCompletion.isAfter(asOf)
                    && (completed == null || completed.isAfter(asOf))) {
                namedMissed.add(name);
            }
            for (JsonNode permit : registry.get("/api/v1/projects/" + code + "/procedures")) {
                LocalDate target = date(permit, "targetDate");
                if (target == null || target.isAfter(asOf) || target.isBefore(yearStart)) {
                    continue;
                }
                permitsDue++;
                LocalDate done = date(permit, "doneDate");
                if (done != null && !done.isAfter(asOf)) {
                    permitsDone++;
                    if (!done.isAfter(target)) {
                        permitsOnTime++;
                    }
                }
            }
            for (JsonNode conversion : registry.get("/api/v1/projects/" + code + "/conversions")) {
                LocalDate on = date(conversion, "date");
                if (on == null || on.isBefore(yearStart) || on.isAfter(asOf)) {
                    continue;
                }
                String to = conversion.get("to").asText();
                int from = funnel(conversion.get("from").asText());
                if (to.equals("SUSPENDED")) {
                    suspensions++;
                } else if (to.equals("CANCELLED")) {
                    cancellations++;
                } else if (from >= 0 && funnel(to) >= 0 && funnel(to) < from) {
                    movesBack++;
                } else if (from >= 0 && funnel(to) == from + 1 && !to.equals("BUILDING")) {
                    conversions++;
                }
            }
            for (JsonNode change : registry.get("/api/v1/projects/" + code + "/history")) {
                if (change.get("action").asText().startsWith("ledger.project.updated.")
                        && change.path("after").has("plannedStart")) {
                    slips++;
                }
            }
        }

        JsonNode view = tracker.get("/api/v1/weekly/" + week);
        JsonNode headline = view.get("headline");
        // open flags now against ten weeks before: a district works its flags off, the list does not just grow
        JsonNode series = view.get("series");
        int last = series.get("red").size() - 1;
        int earlier = Math.max(0, last - 10);
        long flagsNow = series.get("red").get(last).asLong()
                + series.get("yellow").get(last).asLong();
        long flagsBefore = series.get("red").get(earlier).asLong()
                + series.get("yellow").get(earlier).asLong();
        JsonNode investment = headline.get("investment");
        int redFlags = 0;
        Set<String> red = new HashSet<>();
        Set<String> flagged = new HashSet<>();
        for (JsonNode flag : tracker.get("/api/v1/flags")) {
            flagged.add(flag.get("projectCode").asText());
            if (flag.get("colour").asText().equals("RED")) {
                redFlags++;
                red.add(flag.get("projectCode").asText());
            }
        }
        int n = projects.size();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("开工率（计划截至本周开工的项目）", share(startedOfThose, plannedByNow), null));
        figures.add(new Figure(
                "完成投资 / 序时进度", investment.get("shareOfTimeProportionalPlan").decimalValue(), null));
        figures.add(new Figure("完成投资 / 年度计划", investment.get("shareOfPlan").decimalValue(), null));
        figures.add(new Figure("到期手续办结率", share(permitsDone, permitsDue), null));
        figures.add(new Figure("到期手续按期办结率", share(permitsOnTime, permitsDue), null));
        figures.add(new Figure("年内项目转化（谋划→储备、储备→预备）", BigDecimal.valueOf(conversions), null));
        figures.add(new Figure("年内竣工项目", BigDecimal.valueOf(completions), null));
        figures.add(new Figure(
                "报告点名的年内竣工项目逾期未竣工",
                BigDecimal.valueOf(namedMissed.size()),
                namedMissed.isEmpty() ? null : String.join("、", namedMissed)));
        figures.add(new Figure("亮红灯项目占比", share(red.size(), n), null));
        figures.add(new Figure("亮灯项目占比（红或黄）", share(flagged.size(), n), null));
        figures.add(new Figure("红灯数 / 项目数", share(redFlags, n), redFlags + " 个红灯"));
        figures.add(new Figure(
                "亮灯数 本周 / 十周前",
                share(flagsNow, flagsBefore),
                flagsNow + " / " + flagsBefore + "，红灯 "
                        + series.get("red").get(last).asLong()));
        figures.add(new Figure("计划开工调整（改期）", BigDecimal.valueOf(slips), null));
        figures.add(new Figure("暂停施工", BigDecimal.valueOf(suspensions), null));
        figures.add(new Figure("退库（退回前一库）", BigDecimal.valueOf(movesBack), null));
        figures.add(new Figure("取消项目", BigDecimal.valueOf(cancellations), null));
        return figures;
    }

    /** The figures as text, one a line. */
    public static String format(IsoWeek week, List<Figure> figures) {
        StringBuilder text = new StringBuilder("The simulated district at " + week + ":\n");
        for (Figure figure : figures) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-28s %10s%s%n",
                    figure.name(),
                    figure.value().stripTrailingZeros().toPlainString(),
                    figure.detail() == null ? "" : "  (" + figure.detail() + ")"));
        }
        return text.toString();
    }

    /** Command line: {@code Calibration [--registry URL] [--tracker URL] [--week 2023-W26]}: prints the figures. */
    public static void main(String[] args) {
        String registry = "http://localhost:8081";
        String tracker = "http://localhost:8082";
        String week = "2023-W26";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--registry" -> registry = args[i + 1];
                case "--tracker" -> tracker = args[i + 1];
                case "--week" -> week = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        IsoWeek at = IsoWeek.parse(week, "--week");
        System.out.print(format(at, measure(URI.create(registry), URI.create(tracker), at)));
    }

    private static List<JsonNode> all(RegistryClient registry) {
        List<JsonNode> projects = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = registry.get("/api/v1/projects?size=500&page=" + page);
            found.get("items").forEach(projects::add);
            if ((page + 1) * 500 >= found.get("total").asInt()) {
                return projects;
            }
        }
    }

    /** A pool's place in the funnel (谋划→储备→预备→建设), or -1 for one beside it (suspended, cancelled…). */
    private static int funnel(String pool) {
        return Pool.FUNNEL.indexOf(Pool.valueOf(pool));
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? LocalDate.parse(value.asText()) : null;
    }
}
