package org.districtledger.tracker.conversion;

import org.districtledger.contract.Pool;
import org.districtledger.tracker.conversion.ConversionFigures.Cohort;
import org.districtledger.tracker.conversion.ConversionFigures.DwellLimit;
import org.districtledger.tracker.conversion.ConversionFigures.KeyConversionLine;
import org.districtledger.tracker.conversion.ConversionFigures.KeyConversions;
import org.districtledger.tracker.conversion.ConversionFigures.QuarterFigures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the conversion analytics of a year up to a day from the projects' pool stays; pure, no database. */
public final class ConversionAnalytics {

    /** The pools a project is converted out of. */
    public static final List<Pool> POOLS = List.of(Pool.PLANNING, Pool.RESERVE, Pool.PREPARING);

    static final String EARLIER = "EARLIER";

    private ConversionAnalytics() {}

    /** A key conversion project's target, as known on the as-of day. */
    public record KeyTarget(String code, String name, Pool pool, Pool targetPool, LocalDate targetDate) {}

    /**
     * The figures of {@code year} up to {@code asOf} from every stay of the projects taken ({@code stays}, each
     * project's in order), their dwell limits by pool, and the key conversion projects' targets.
     */
    public static ConversionFigures compute(
            int year, LocalDate asOf, List<PoolStay> stays, List<DwellLimit> limits, List<KeyTarget> keys) {
        Map<String, DwellLimit> limitOf = new LinkedHashMap<>();
        limits.forEach(limit -> limitOf.put(limit.pool(), limit));
        List<QuarterFigures> quarters = new ArrayList<>();
        for (Pool pool : POOLS) {
            List<PoolStay> inPool = stays.stream().filter(s -> s.pool() == pool).toList();
            DwellLimit limit = limitOf.get(pool.name());
            for (int q = 1; q <= 4; q++) {
                LocalDate from = LocalDate.of(year, 3 * q - 2, 1);
                if (from.isAfter(asOf)) {
                    break;
                }
                LocalDate end = from.plusMonths(3).minusDays(1);
                LocalDate to = end.isAfter(asOf) ? asOf : end;
                quarters.add(quarter(pool, year + "Q" + q, from, to, inPool, limit));
            }
        }
        return new ConversionFigures(
                year, asOf, List.copyOf(limits), quarters, cohorts(year, asOf, stays), key(asOf, stays, keys));
    }

    private static QuarterFigures quarter(
            Pool pool, String quarter, LocalDate from, LocalDate to, List<PoolStay> stays, DwellLimit limit) {
        LocalDate dayBefore = from.minusDays(1);
        long atStart = stays.stream().filter(s -> s.openAt(dayBefore)).count();
        long entered = stays.stream().filter(s -> s.enteredWithin(from, to)).count();
        List<PoolStay> left = stays.stream().filter(s -> s.leftWithin(from, to)).toList();
        List<Long> dwell = left.stream()
                .filter(PoolStay::converted)
                .map(PoolStay::dwellDays)
                .sorted()
                .toList();
        long converted = dwell.size();
        List<PoolStay> remaining = stays.stream().filter(s -> s.openAt(to)).toList();
        long yellow = 0;
        long red = 0;
        if (limit != null) {
            for (PoolStay stay : remaining) {
                long days = ChronoUnit.DAYS.between(countedFrom(stay), to);
                if (days >= limit.yellowDays()) {
                    yellow++;
                }
                if (days >= limit.redDays()) {
                    red++;
                }
            }
        }
        return new QuarterFigures(
                pool.name(),
                quarter,
                from,
                to,
                atStart,
                entered,
                converted,
                left.size() - converted,
                remaining.size(),
                rate(converted, atStart + entered),
                percentile(dwell, 50),
                percentile(dwell, 90),
                yellow,
                red);
    }

    /** As the 转化停滞 rule counts: in the preparing pool from the planned start, when there is one. */
    private static LocalDate countedFrom(PoolStay stay) {
        return stay.pool() == Pool.PREPARING && stay.plannedStart() != null ? stay.plannedStart() : stay.entered();
    }

    private static List<Cohort> cohorts(int year, LocalDate asOf, List<PoolStay> stays) {
        List<Cohort> cohorts = new ArrayList<>();
        LocalDate firstQuarter = LocalDate.of(year - 1, 1, 1);
        for (Pool pool : POOLS) {
            Map<String, List<PoolStay>> byQuarter = new LinkedHashMap<>();
            byQuarter.put(EARLIER, new ArrayList<>());
            stays.stream()
                    .filter(s -> s.pool() == pool && !s.entered().isAfter(asOf))
                    .sorted(Comparator.comparing(PoolStay::entered))
                    .forEach(s -> byQuarter
                            .computeIfAbsent(
                                    s.entered().isBefore(firstQuarter) ? EARLIER : quarterOf(s.entered()),
                                    q -> new ArrayList<>())
                            .add(s));
            byQuarter.forEach((quarter, members) -> {
                if (members.isEmpty()) {
                    return;
                }
                List<Long> dwell = members.stream()
                        .filter(s -> s.converted() && !s.left().isAfter(asOf))
                        .map(PoolStay::dwellDays)
                        .sorted()
                        .toList();
                long left = members.stream()
                        .filter(s -> s.left() != null && !s.left().isAfter(asOf))
                        .count();
                cohorts.add(new Cohort(
                        pool.name(),
                        quarter,
                        quarter.equals(EARLIER) ? (year - 2) + "年及以前" : quarterLabel(quarter),
                        members.size(),
                        dwell.size(),
                        left - dwell.size(),
                        members.size() - left,
                        rate(dwell.size(), members.size()),
                        percentile(dwell, 50)));
            });
        }
        return cohorts;
    }

    private static KeyConversions key(LocalDate asOf, List<PoolStay> stays, List<KeyTarget> keys) {
        Map<String, List<PoolStay>> byProject = new LinkedHashMap<>();
        stays.forEach(
                s -> byProject.computeIfAbsent(s.code(), c -> new ArrayList<>()).add(s));
        List<KeyConversionLine> lines = new ArrayList<>();
        long[] counts = new long[5];
        for (KeyTarget key : keys) {
            if (key.targetPool() == null || key.targetDate() == null) {
                counts[4]++;
                lines.add(new KeyConversionLine(
                        key.code(), key.name(), key.pool().name(), null, null, null, "NO_TARGET", "未设目标", null));
                continue;
            }
            LocalDate reached = reachedOn(byProject.getOrDefault(key.code(), List.of()), key.targetPool(), asOf);
            String status;
            Long late = null;
            if (reached != null) {
                long days = ChronoUnit.DAYS.between(key.targetDate(), reached);
                status = days > 0 ? "LATE" : "ON_TIME";
                late = days > 0 ? days : null;
            } else if (asOf.isAfter(key.targetDate())) {
                status = "OVERDUE";
                late = ChronoUnit.DAYS.between(key.targetDate(), asOf);
            } else {
                status = "DUE";
            }
            int index = List.of("ON_TIME", "LATE", "DUE", "OVERDUE").indexOf(status);
            counts[index]++;
            lines.add(new KeyConversionLine(
                    key.code(),
                    key.name(),
                    key.pool().name(),
                    key.targetPool().name(),
                    key.targetDate(),
                    reached,
                    status,
                    List.of("按期转化", "逾期转化", "未到期", "逾期未转化").get(index),
                    late));
        }
        lines.sort(
                Comparator.comparing((KeyConversionLine l) -> List.of("OVERDUE", "DUE", "LATE", "ON_TIME", "NO_TARGET")
                                .indexOf(l.status()))
                        .thenComparing(KeyConversionLine::code));
        return new KeyConversions(keys.size(), counts[0], counts[1], counts[2], counts[3], counts[4], lines);
    }

    /**
     * The day the project reached the target pool (or went beyond it) and stayed there or beyond up to the as-of
     * day; {@code null} if it is not there on that day.
     */
    static LocalDate reachedOn(List<PoolStay> stays, Pool target, LocalDate asOf) {
        LocalDate reached = null;
        for (PoolStay stay : stays) {
            if (stay.entered().isAfter(asOf)) {
                break;
            }
            if (PoolStay.rank(stay.pool()) >= PoolStay.rank(target)) {
                if (reached == null) {
                    reached = stay.entered();
                }
            } else {
                reached = null;
            }
        }
        return reached;
    }

    /** The nearest-rank percentile of sorted values, or {@code null} when there are none. */
    static Long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** 2023Q1 → 2023年第1季度. */
    public static String quarterLabel(String quarter) {
        return quarter.substring(0, 4) + "年第" + quarter.substring(5) + "季度";
    }
}
