package dev.switchboard.stats;

/**
 * A difference of means (B minus A) with its bootstrap confidence interval.
 *
 * @param n the number of samples both arms had together
 */
public record Interval(double difference, double low, double high, int n) {

    /** True when the interval excludes zero: the arms differ at this confidence. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
