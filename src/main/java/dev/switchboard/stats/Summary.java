package dev.switchboard.stats;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Small descriptive statistics over samples that may be missing (negative values mean "unknown" and are skipped). */
public final class Summary {

    private Summary() {
    }

    /** The known values (those at or above zero). */
    public static double[] known(double[] values) {
        return Arrays.stream(values).filter(v -> v >= 0).toArray();
    }

    public static OptionalDouble mean(double[] values) {
        double[] k = known(values);
        return k.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Bootstrap.mean(k));
    }

    /** Nearest-rank median of the known values. */
    public static OptionalDouble median(double[] values) {
        double[] k = known(values);
        if (k.length == 0) {
            return OptionalDouble.empty();
        }
        Arrays.sort(k);
        return OptionalDouble.of(Bootstrap.percentile(k, 0.5));
    }
}
