package dev.switchboard.ui;

import java.time.Duration;
import java.time.Instant;

/** How times and durations read on screen. */
public final class Formats {

    private Formats() {
    }

    /** "04:07", or "1:02:03" past an hour; negative durations read as zero. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = (seconds % 3600) / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    /** Time of {@code at} since {@code start}, as mm:ss. */
    public static String sinceStart(Instant start, Instant at) {
        return clock(Duration.between(start, at));
    }

    /** A latency the way the badges show it: "0.8 s", "12 s" from ten seconds on. */
    public static String seconds(Duration d) {
        // not String.format: rows refresh their metrics every frame while a call streams; half up, as "%.1f" rounds
        long millis = d.toMillis();
        if (millis >= 10_000) {
            return Math.round(millis / 1000.0) + " s";
        }
        if (millis < 0) { // never a latency; printed as before ("-0.0 s" for a few ms)
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return java.math.BigDecimal.valueOf(millis, 3).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + " s";
    }

    /** Dollars with four decimals ("$0.0123"), or "—" when the model has no price. */
    public static String usd(java.util.OptionalDouble cost) {
        if (cost.isEmpty()) {
            return "—";
        }
        // the shortest decimal of the double, half up: what "%.4f" prints, without parsing a format every frame
        return "$" + java.math.BigDecimal.valueOf(cost.getAsDouble()).setScale(4, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
