package dev.switchboard.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap for the difference in means of two independent samples: resample each arm with replacement,
 * take mean(B) - mean(A) each time, and read the 2.5th and 97.5th percentiles. Seeded, so the same data always
 * gives the same interval.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 2_000;
    public static final long DEFAULT_SEED = 20_240_601L;

    private Bootstrap() {
    }

    /** Empty when either arm has fewer than two samples (no spread to resample). */
    public static Optional<Interval> differenceOfMeans(double[] a, double[] b) {
        return differenceOfMeans(a, b, DEFAULT_RESAMPLES, DEFAULT_SEED, 0.95);
    }

    public static Optional<Interval> differenceOfMeans(double[] a, double[] b, int resamples, long seed,
                                                       double confidence) {
        if (a.length < 2 || b.length < 2 || resamples < 10) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] diffs = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            diffs[r] = resampledMean(b, random) - resampledMean(a, random);
        }
        Arrays.sort(diffs);
        double tail = (1 - confidence) / 2;
        return Optional.of(new Interval(mean(b) - mean(a), percentile(diffs, tail), percentile(diffs, 1 - tail),
                a.length + b.length));
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /** Nearest-rank percentile of sorted values ({@code q} in 0..1). */
    static double percentile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }
}
