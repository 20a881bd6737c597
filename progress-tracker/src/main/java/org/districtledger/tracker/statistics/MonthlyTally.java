package org.districtledger.tracker.statistics;

import org.districtledger.contract.CityCategory;
import org.districtledger.contract.Labelled;
import org.districtledger.contract.Pool;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Counts a month's statistics from the projects as known on its last day and their weekly amounts; no database. */
final class MonthlyTally {

    static final String NONE = "NONE";

    private MonthlyTally() {}

    /** A project as the tracker knew it on the month's last day. */
    record ProjectAtMonthEnd(
            String code,
            String pool,
            String industryChain,
            String town,
            String cityCategory,
            LocalDate actualStart,
            LocalDate actualCompletion) {}

    /** A week's investment completed by a project, in the revision known on the month's last day. */
    record WeekAmount(String code, LocalDate sunday, BigDecimal amount) {}

    static MonthlyStatistics count(YearMonth month, List<ProjectAtMonthEnd> projects, List<WeekAmount> amounts) {
        LocalDate asOf = month.atEndOfMonth();
        LocalDate monthStart = month.atDay(1);
        LocalDate yearStart = LocalDate.of(month.getYear(), 1, 1);
        Map<String, BigDecimal[]> money = new LinkedHashMap<>();
        for (WeekAmount week : amounts) {
            BigDecimal[] sums = money.computeIfAbsent(
                    week.code(), code -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            if (within(week.sunday(), monthStart, asOf)) {
                sums[0] = sums[0].add(week.amount());
            }
            if (within(week.sunday(), yearStart, asOf)) {
                sums[1] = sums[1].add(week.amount());
            }
        }
        Function<List<ProjectAtMonthEnd>, MonthlyStatistics.Figures> figures = group -> {
            BigDecimal monthSum = BigDecimal.ZERO.setScale(2);
            BigDecimal yearSum = BigDecimal.ZERO.setScale(2);
            long[] counts = new long[4];
            for (ProjectAtMonthEnd p : group) {
                BigDecimal[] sums = money.get(p.code());
                if (sums != null) {
                    monthSum = monthSum.add(sums[0]);
                    yearSum = yearSum.add(sums[1]);
                }
                counts[0] += within(p.actualStart(), monthStart, asOf) ? 1 : 0;
                counts[1] += within(p.actualStart(), yearStart, asOf) ? 1 : 0;
                counts[2] += within(p.actualCompletion(), monthStart, asOf) ? 1 : 0;
                counts[3] += within(p.actualCompletion(), yearStart, asOf) ? 1 : 0;
            }
            return new MonthlyStatistics.Figures(
                    group.size(), monthSum, yearSum, counts[0], counts[1], counts[2], counts[3]);
        };
        return new MonthlyStatistics(
                month.toString(),
                asOf,
                "万元",
                figures.apply(projects),
                groups(
                        projects,
                        ProjectAtMonthEnd::pool,
                        key -> Labelled.labelOf(Pool.class, key),
                        poolOrder(),
                        figures),
                groups(projects, ProjectAtMonthEnd::industryChain, key -> key, null, figures),
                groups(projects, ProjectAtMonthEnd::town, key -> key, null, figures),
                groups(
                        projects,
                        ProjectAtMonthEnd::cityCategory,
                        key -> Labelled.labelOf(CityCategory.class, key),
                        categoryOrder(),
                        figures));
    }

    private static List<MonthlyStatistics.Group> groups(
            List<ProjectAtMonthEnd> projects,
            Function<ProjectAtMonthEnd, String> keyOf,
            Function<String, String> labelOf,
            Comparator<String> order,
            Function<List<ProjectAtMonthEnd>, MonthlyStatistics.Figures> figures) {
        Map<String, List<ProjectAtMonthEnd>> byKey =
                new TreeMap<>(order != null ? order : Comparator.<String>naturalOrder());
        for (ProjectAtMonthEnd p : projects) {
            String key = keyOf.apply(p);
            byKey.computeIfAbsent(key == null || key.isBlank() ? NONE : key, k -> new ArrayList<>())
                    .add(p);
        }
        List<MonthlyStatistics.Group> groups = new ArrayList<>();
        byKey.forEach((key, members) -> {
            if (!key.equals(NONE)) {
                groups.add(new MonthlyStatistics.Group(key, labelOf.apply(key), figures.apply(members)));
            }
        });
        // the projects without one, last
        if (byKey.containsKey(NONE)) {
            groups.add(new MonthlyStatistics.Group(NONE, "未填", figures.apply(byKey.get(NONE))));
        }
        return groups;
    }

    private static Comparator<String> poolOrder() {
        return Comparator.comparing((String key) -> ordinal(Pool.class, key)).thenComparing(Comparator.naturalOrder());
    }

    private static Comparator<String> categoryOrder() {
        return Comparator.comparing((String key) -> ordinal(CityCategory.class, key))
                .thenComparing(Comparator.naturalOrder());
    }

    private static <E extends Enum<E>> int ordinal(Class<E> type, String key) {
        try {
            return Enum.valueOf(type, key).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
