package org.districtledger.tracker.conversion;

import org.districtledger.contract.Pool;
import org.districtledger.tracker.conversion.ConversionFigures.Cohort;
import org.districtledger.tracker.conversion.ConversionFigures.DwellLimit;
import org.districtledger.tracker.conversion.ConversionFigures.KeyConversionLine;
import org.districtledger.tracker.conversion.ConversionFigures.QuarterFigures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The conversion analytics of a small ledger of seven projects, every figure computed by hand (the days between two
 * dates counted on a calendar). The ledger, 2023, read on 2023-07-02:
 *
 * <pre>
 * A  储备 since 2022-11-15 → 预备 2023-02-10 → 建设 2023-05-20   (planned start 2023-05-01)
 * B  储备 since 2022-06-01, still there
 * C  谋划 since 2023-01-10 → 储备 2023-04-20
 * D  谋划 since 2022-03-01 → 取消 2023-03-15
 * E  储备 since 2022-09-01 → 预备 2023-05-10                      key: 预备 by 2023-03-31; planned start 2023-09-01
 * F  谋划 since 2023-02-01, still there                          key: 储备 by 2023-06-30
 * G  储备 since 2022-12-01 → 预备 2023-06-01                      key: 预备 by 2023-06-30; planned start 2023-10-01
 * </pre>
 */
class ConversionAnalyticsTest {

    static final List<DwellLimit> LIMITS = List.of(
            new DwellLimit("PLANNING", 365, 540),
            new DwellLimit("RESERVE", 270, 365),
            new DwellLimit("PREPARING", 180, 270));

    static List<PoolStay> ledger() {
        List<PoolStay> stays = new ArrayList<>();
        stays.addAll(stays(
                "A",
                Pool.RESERVE,
                "2022-11-15",
                "2023-05-01",
                move(Pool.RESERVE, Pool.PREPARING, "2023-02-10"),
                move(Pool.PREPARING, Pool.BUILDING, "2023-05-20")));
        stays.addAll(stays("B", Pool.RESERVE, "2022-06-01", null));
        stays.addAll(stays("C", Pool.PLANNING, "2023-01-10", null, move(Pool.PLANNING, Pool.RESERVE, "2023-04-20")));
        stays.addAll(stays("D", Pool.PLANNING, "2022-03-01", null, move(Pool.PLANNING, Pool.CANCELLED, "2023-03-15")));
        stays.addAll(
                stays("E", Pool.RESERVE, "2022-09-01", "2023-09-01", move(Pool.RESERVE, Pool.PREPARING, "2023-05-10")));
        stays.addAll(stays("F", Pool.PLANNING, "2023-02-01", null));
        stays.addAll(
                stays("G", Pool.RESERVE, "2022-12-01", "2023-10-01", move(Pool.RESERVE, Pool.PREPARING, "2023-06-01")));
        return stays;
    }

    static List<ConversionAnalytics.KeyTarget> keys(String asOfPoolOfF) {
        return List.of(
                new ConversionAnalytics.KeyTarget(
                        "E", "E", Pool.PREPARING, Pool.PREPARING, LocalDate.parse("2023-03-31")),
                new ConversionAnalytics.KeyTarget(
                        "F", "F", Pool.valueOf(asOfPoolOfF), Pool.RESERVE, LocalDate.parse("2023-06-30")),
                new ConversionAnalytics.KeyTarget(
                        "G", "G", Pool.PREPARING, Pool.PREPARING, LocalDate.parse("2023-06-30")));
    }

    @Test
    void byPoolAndQuarterAsCountedByHand() {
        ConversionFigures figures =
                ConversionAnalytics.compute(2023, LocalDate.parse("2023-07-02"), ledger(), LIMITS, keys("PLANNING"));

        // pool, quarter: at start, entered, converted, left otherwise, remaining, rate, median, p90, beyond yellow, red
        assertEquals(
                List.of(
                        quarter(
                                "PLANNING",
                                "2023Q1",
                                "2023-01-01",
                                "2023-03-31",
                                1,
                                2,
                                0,
                                1,
                                2,
                                "0.0000",
                                null,
                                null,
                                0,
                                0),
                        quarter(
                                "PLANNING",
                                "2023Q2",
                                "2023-04-01",
                                "2023-06-30",
                                2,
                                0,
                                1,
                                0,
                                1,
                                "0.5000",
                                100L,
                                100L,
                                0,
                                0),
                        quarter(
                                "PLANNING",
                                "2023Q3",
                                "2023-07-01",
                                "2023-07-02",
                                1,
                                0,
                                0,
                                0,
                                1,
                                "0.0000",
                                null,
                                null,
                                0,
                                0),
                        // A converts after 87 days; B is 303 days in the pool at the end of March (yellow from 270)
                        quarter(
                                "RESERVE",
                                "2023Q1",
                                "2023-01-01",
                                "2023-03-31",
                                4,
                                0,
                                1,
                                0,
                                3,
                                "0.2500",
                                87L,
                                87L,
                                1,
                                0),
                        // E after 251 days, G after 182: nearest rank, the median of two is the lower; B 394 days (red
                        // from 365)
                        quarter(
                                "RESERVE",
                                "2023Q2",
                                "2023-04-01",
                                "2023-06-30",
                                3,
                                1,
                                2,
                                0,
                                2,
                                "0.5000",
                                182L,
                                251L,
                                1,
                                1),
                        quarter(
                                "RESERVE",
                                "2023Q3",
                                "2023-07-01",
                                "2023-07-02",
                                2,
                                0,
                                0,
                                0,
                                2,
                                "0.0000",
                                null,
                                null,
                                1,
                                1),
                        // in the preparing pool the limit counts from the planned start: none is late
                        quarter(
                                "PREPARING",
                                "2023Q1",
                                "2023-01-01",
                                "2023-03-31",
                                0,
                                1,
                                0,
                                0,
                                1,
                                "0.0000",
                                null,
                                null,
                                0,
                                0),
                        quarter(
                                "PREPARING",
                                "2023Q2",
                                "2023-04-01",
                                "2023-06-30",
                                1,
                                2,
                                1,
                                0,
                                2,
                                "0.3333",
                                99L,
                                99L,
                                0,
                                0),
                        quarter(
                                "PREPARING",
                                "2023Q3",
                                "2023-07-01",
                                "2023-07-02",
                                2,
                                0,
                                0,
                                0,
                                2,
                                "0.0000",
                                null,
                                null,
                                0,
                                0)),
                figures.quarters());
    }

    @Test
    void cohortsByTheQuarterTheyEntered() {
        ConversionFigures figures =
                ConversionAnalytics.compute(2023, LocalDate.parse("2023-07-02"), ledger(), LIMITS, keys("PLANNING"));

        assertEquals(
                List.of(
                        new Cohort("PLANNING", "2022Q1", "2022年第1季度", 1, 0, 1, 0, new BigDecimal("0.0000"), null),
                        new Cohort("PLANNING", "2023Q1", "2023年第1季度", 2, 1, 0, 1, new BigDecimal("0.5000"), 100L),
                        new Cohort("RESERVE", "2022Q2", "2022年第2季度", 1, 0, 0, 1, new BigDecimal("0.0000"), null),
                        new Cohort("RESERVE", "2022Q3", "2022年第3季度", 1, 1, 0, 0, new BigDecimal("1.0000"), 251L),
                        new Cohort("RESERVE", "2022Q4", "2022年第4季度", 2, 2, 0, 0, new BigDecimal("1.0000"), 87L),
                        new Cohort("RESERVE", "2023Q2", "2023年第2季度", 1, 0, 0, 1, new BigDecimal("0.0000"), null),
                        new Cohort("PREPARING", "2023Q1", "2023年第1季度", 1, 1, 0, 0, new BigDecimal("1.0000"), 99L),
                        new Cohort("PREPARING", "2023Q2", "2023年第2季度", 2, 0, 0, 2, new BigDecimal("0.0000"), null)),
                figures.cohorts());
        // a project that entered before the year before the one read is in one cohort
        ConversionFigures next =
                ConversionAnalytics.compute(2024, LocalDate.parse("2024-01-07"), ledger(), LIMITS, List.of());
        assertEquals(
                new Cohort("PLANNING", "EARLIER", "2022年及以前", 1, 0, 1, 0, new BigDecimal("0.0000"), null),
                next.cohorts().get(0));
    }

    @Test
    void keyConversionProjectsAgainstTheirTargets() {
        ConversionFigures figures =
                ConversionAnalytics.compute(2023, LocalDate.parse("2023-07-02"), ledger(), LIMITS, keys("PLANNING"));

        assertEquals(
                List.of(
                        key("F", "PLANNING", "RESERVE", "2023-06-30", null, "OVERDUE", "逾期未转化", 2L),
                        key("E", "PREPARING", "PREPARING", "2023-03-31", "2023-05-10", "LATE", "逾期转化", 40L),
                        key("G", "PREPARING", "PREPARING", "2023-06-30", "2023-06-01", "ON_TIME", "按期转化", null)),
                figures.keyConversions().projects());
        ConversionFigures.KeyConversions counts = figures.keyConversions();
        assertEquals(
                List.of(3L, 1L, 1L, 0L, 1L),
                List.of(
                        counts.total(),
                        counts.reachedOnTime(),
                        counts.reachedLate(),
                        counts.notYetDue(),
                        counts.overdue()));

        // read on 2023-04-19 with what was known on 2023-03-20: E overdue by 19 days, G not yet due
        List<PoolStay> march = ledger().stream()
                .filter(s -> !s.entered().isAfter(LocalDate.parse("2023-03-20")))
                .map(s -> s.left() != null && s.left().isAfter(LocalDate.parse("2023-03-20"))
                        ? new PoolStay(s.code(), s.name(), s.pool(), s.entered(), null, null, s.plannedStart())
                        : s)
                .toList();
        ConversionFigures then = ConversionAnalytics.compute(
                2023,
                LocalDate.parse("2023-04-19"),
                march,
                LIMITS,
                List.of(
                        new ConversionAnalytics.KeyTarget(
                                "E", "E", Pool.RESERVE, Pool.PREPARING, LocalDate.parse("2023-03-31")),
                        new ConversionAnalytics.KeyTarget(
                                "G", "G", Pool.RESERVE, Pool.PREPARING, LocalDate.parse("2023-06-30"))));
        assertEquals(
                List.of("E OVERDUE 19", "G DUE null"),
                then.keyConversions().projects().stream()
                        .map(k -> k.code() + " " + k.status() + " " + k.daysLate())
                        .toList());
    }

    @Test
    void aProjectMovedBackHasNotReachedItsTarget() {
        List<PoolStay> stays = PoolStay.of(
                "H",
                "H",
                Pool.RESERVE,
                LocalDate.parse("2022-01-01"),
                List.of(
                        move(Pool.RESERVE, Pool.PREPARING, "2023-02-01"),
                        move(Pool.PREPARING, Pool.RESERVE, "2023-03-01"),
                        move(Pool.RESERVE, Pool.PREPARING, "2023-05-01")),
                null);
        assertNull(ConversionAnalytics.reachedOn(stays, Pool.PREPARING, LocalDate.parse("2023-04-01")));
        assertEquals(
                LocalDate.parse("2023-05-01"),
                ConversionAnalytics.reachedOn(stays, Pool.PREPARING, LocalDate.parse("2023-06-01")));
        assertEquals(40L, ConversionAnalytics.percentile(List.of(5L, 7L, 9L, 11L, 40L), 90));
        assertEquals(9L, ConversionAnalytics.percentile(List.of(5L, 7L, 9L, 11L, 40L), 50));
    }

    private static List<PoolStay> stays(
            String code, Pool first, String since, String plannedStart, PoolStay.Move... moves) {
        return PoolStay.of(
                code,
                code,
                first,
                LocalDate.parse(since),
                List.of(moves),
                plannedStart == null ? null : LocalDate.parse(plannedStart));
    }

    private static PoolStay.Move move(Pool from, Pool to, String on) {
        return new PoolStay.Move(from, to, LocalDate.parse(on));
    }

    private static QuarterFigures quarter(
            String pool,
            String quarter,
            String from,
            String to,
            long atStart,
            long entered,
            long converted,
            long otherwise,
            long remaining,
            String rate,
            Long median,
            Long p90,
            long yellow,
            long red) {
        return new QuarterFigures(
                pool,
                quarter,
                LocalDate.parse(from),
                LocalDate.parse(to),
                atStart,
                entered,
                converted,
                otherwise,
                remaining,
                new BigDecimal(rate),
                median,
                p90,
                yellow,
                red);
    }

    private static KeyConversionLine key(
            String code,
            String pool,
            String target,
            String targetDate,
            String reached,
            String status,
            String label,
            Long late) {
        return new KeyConversionLine(
                code,
                code,
                pool,
                target,
                LocalDate.parse(targetDate),
                reached == null ? null : LocalDate.parse(reached),
                status,
                label,
                late);
    }
}
