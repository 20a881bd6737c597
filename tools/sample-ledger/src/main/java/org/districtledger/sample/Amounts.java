package org.districtledger.sample;

import java.util.Arrays;
import java.util.Random;

/** Whole amounts (万元) that add up exactly to a figure of the plan report, spread as a real ledger's are. */
final class Amounts {

    private Amounts() {}

    /** {@code n} whole amounts, each between its minimum and {@code hi}, summing exactly to {@code sum}. */
    static long[] spread(Random random, long[] minimums, long hi, long sum) {
        int n = minimums.length;
        long floor = Arrays.stream(minimums).sum();
        if (floor > sum || hi * n < sum) {
            throw new IllegalArgumentException(
                    "cannot spread " + sum + " over " + n + " amounts from " + floor + " to " + hi * n);
        }
        long[] amounts = minimums.clone();
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.exp(random.nextGaussian() * 0.7);
        }
        long left = sum - floor;
        // share what is left by weight, never past hi; what a capped amount cannot take goes round again
        for (int round = 0; round < 50 && left > 0; round++) {
            double open = 0;
            for (int i = 0; i < n; i++) {
                if (amounts[i] < hi) {
                    open += weights[i];
                }
            }
            long given = 0;
            for (int i = 0; i < n && open > 0; i++) {
                if (amounts[i] >= hi) {
                    continue;
                }
                long share = Math.min((long) Math.floor(left * weights[i] / open), hi - amounts[i]);
                amounts[i] += share;
                given += share;
            }
            left -= given;
            if (given == 0) {
                break;
            }
        }
        for (int i = 0; left > 0; i = (i + 1) % n) {
            if (amounts[i] < hi) {
                amounts[i]++;
                left--;
            }
        }
        return amounts;
    }

    static long[] filled(int n, long value) {
        long[] values = new long[n];
        Arrays.fill(values, value);
        return values;
    }
}
