package org.districtledger.sample;

import org.districtledger.contract.IsoWeek;

import java.net.URI;

/**
 * Command line: simulates the weeks of 2023 after the last one reported, up to the week given, and moves the
 * tracker's clock to the end of each week; then prints the district's figures at the week it reached, as the calibration
 * test reads them.
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
        IsoWeek last = new IsoWeek(YearSimulator.YEAR, week);
        System.out.print(
                Calibration.format(last, Calibration.measure(URI.create(registry), URI.create(tracker), last)));
    }

    public static int weekOf(String isoWeek) {
        IsoWeek week = IsoWeek.parse(isoWeek, "--until");
        if (week.year() != YearSimulator.YEAR) {
            throw new IllegalArgumentException(
                    "the simulation covers 2023: give a week such as 2023-W26, not " + isoWeek);
        }
        return week.week();
    }
}
