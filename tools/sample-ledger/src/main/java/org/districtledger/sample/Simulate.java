package org.districtledger.sample;

import org.districtledger.contract.IsoWeek;

import java.net.URI;
import java.time.LocalDate;

/**
 * Command line: simulates the weeks of 2023 after the last one reported, up to the week given, and moves the
 * tracker's clock to the end of each week; then prints the district's figures at the week it reached, as the calibration
 * test reads them. A week of 2024 (e.g. 2024-W01) simulates the whole of 2023 and rolls the ledger over into 2024
 * ({@link YearRollover}).
 * {@code Simulate [--registry http://localhost:8081] [--tracker http://localhost:8082] [--until 2023-W26] [--seed 2023]}
 */
public final class Simulate {

    private Simulate() {}

    public static void main(String[] args) throws InterruptedException {
        String registry = "http://localhost:8081";
        String tracker = "http://localhost:8082";
        String until = "2023-W26";
        long seed = YearSimulator.SEED;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--registry" -> registry = args[i + 1];
                case "--tracker" -> tracker = args[i + 1];
                case "--until" -> until = args[i + 1];
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean rollover = rollsOver(until);
        int week = weekOf(until);
        TrackerClock clock = new TrackerClock(URI.create(registry), URI.create(tracker));
        YearSimulator.Summary summary = new YearSimulator(URI.create(registry), seed)
                .simulate(week, w -> clock.moveTo(YearSimulator.monday(w)), w -> {
                    clock.moveTo(YearSimulator.monday(w).plusDays(6));
                    System.out.printf(
                            "  simulated %d-W%02d; the tracker works as of %s%n",
                            2023, w, YearSimulator.monday(w).plusDays(6));
                });
        System.out.printf(
                "Simulated %d projects from 2023-W%02d to 2023-W%02d with %d requests%n",
                summary.projects(), summary.fromWeek(), summary.toWeek(), summary.requests());
        clock.awaitCaughtUp();
        if (rollover) {
            System.out.println(rollOver(URI.create(registry), URI.create(tracker), until, seed));
            return;
        }
        IsoWeek last = new IsoWeek(YearSimulator.YEAR, week);
        System.out.print(
                Calibration.format(last, Calibration.measure(URI.create(registry), URI.create(tracker), last)));
    }

    /** The last week of 2023 to simulate: the week given, or the year's last for a week of 2024 (a rollover). */
    public static int weekOf(String isoWeek) {
        IsoWeek week = IsoWeek.parse(isoWeek, "--until");
        if (rollsOver(isoWeek)) {
            return IsoWeek.of(LocalDate.of(YearSimulator.YEAR, 12, 28)).week();
        }
        if (week.year() != YearSimulator.YEAR) {
            throw new IllegalArgumentException("the simulation covers 2023 and rolls over into 2024: give a week"
                    + " such as 2023-W26 or 2024-W01, not " + isoWeek);
        }
        return week.week();
    }

    /** A week of 2024: the whole of 2023 is simulated, then rolled over into 2024. */
    public static boolean rollsOver(String isoWeek) {
        return IsoWeek.parse(isoWeek, "--until").year() == YearSimulator.YEAR + 1;
    }

    /**
     * After a simulation up to a week of 2024: rolls 2023 over (on 1 January) and moves the tracker's clock to that
     * week's Sunday; returns what the rollover did, as one line.
     */
    public static String rollOver(URI registry, URI tracker, String until, long seed) throws InterruptedException {
        YearRollover.Result result = YearRollover.rollover(registry, tracker, YearSimulator.YEAR, seed);
        LocalDate sunday = IsoWeek.parse(until, "--until").sunday();
        new TrackerClock(registry, tracker).moveTo(sunday);
        return String.format(
                "Rolled %d over into %d: %d projects carried over with %s 万元 planned for %d, %d stay in %d, %d new"
                        + " accountability projects assigned; the tracker works as of %s",
                YearSimulator.YEAR,
                YearSimulator.YEAR + 1,
                result.carriedOver(),
                result.nextAnnualPlan().toPlainString(),
                YearSimulator.YEAR + 1,
                result.staying(),
                YearSimulator.YEAR,
                result.assigned(),
                sunday);
    }
}
