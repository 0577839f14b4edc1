package dev.switchboard.stats;

import java.util.Locale;
import java.util.Optional;

/**
 * Plain-words verdicts on a two-arm comparison, e.g. "B is faster by 0.4 s, 95 % CI 0.1–0.7" or
 * "scores not distinguishable yet, n=9". The interval is always B minus A.
 */
public final class Verdict {

    private Verdict() {
    }

    /** Latencies in seconds: lower is better. */
    public static String latency(String a, String b, Optional<Interval> interval) {
        if (interval.isEmpty()) {
            return "latency: not enough calls yet";
        }
        Interval i = interval.get();
        if (!i.excludesZero()) {
            return "latency not distinguishable yet, n=" + i.n();
        }
        boolean bFaster = i.difference() < 0;
        double low = Math.min(Math.abs(i.low()), Math.abs(i.high()));
        double high = Math.max(Math.abs(i.low()), Math.abs(i.high()));
        if (Math.abs(i.difference()) < 0.05) {
            // tenths of a second would read "faster by 0.0 s": milliseconds then
            return String.format(Locale.ROOT, "%s is faster by %.0f ms, 95 %% CI %.0f–%.0f ms", bFaster ? b : a,
                    Math.abs(i.difference()) * 1000, low * 1000, high * 1000);
        }
        return String.format(Locale.ROOT, "%s is faster by %.1f s, 95 %% CI %.1f–%.1f", bFaster ? b : a,
                Math.abs(i.difference()), low, high);
    }

    /** Mean rubric scores: higher is better. */
    public static String scores(String a, String b, Optional<Interval> interval) {
        if (interval.isEmpty()) {
            return "scores: not enough analysed calls yet";
        }
        Interval i = interval.get();
        if (!i.excludesZero()) {
            return "scores not distinguishable yet, n=" + i.n();
        }
        boolean bBetter = i.difference() > 0;
        return String.format(Locale.ROOT, "%s scores higher by %.1f, 95 %% CI %.1f–%.1f", bBetter ? b : a,
                Math.abs(i.difference()), Math.min(Math.abs(i.low()), Math.abs(i.high())),
                Math.max(Math.abs(i.low()), Math.abs(i.high())));
    }

    /** Both verdicts in one sentence: "B is faster by 0.4 s, 95 % CI 0.1–0.7; scores not distinguishable yet, n=9". */
    public static String sentence(String a, String b, Optional<Interval> latency, Optional<Interval> scores) {
        return latency(a, b, latency) + "; " + scores(a, b, scores);
    }
}
