package dev.switchboard.ui.profiles;

import dev.switchboard.history.ArmStats;
import dev.switchboard.history.ProfileVersion;
import java.util.Locale;

/** A profile version's outcomes in one line, shown next to its diff so a prompt change is judged by its calls. */
final class VersionOutcomes {

    private VersionOutcomes() {
    }

    /**
     * "v2: 3 calls · greeting p50 380 ms · turn p50 410 ms · 0.3 interruptions per call · $0.0452 per call · 0 tool
     * errors · 1 transferred · 0 hung up · score 4.1 (n=3)"; "v1: 0 calls"; empty when {@code stats} is null.
     */
    static String line(ProfileVersion version, ArmStats stats) {
        if (stats == null) {
            return "";
        }
        String head = "v" + version.version() + ": " + stats.calls() + (stats.calls() == 1 ? " call" : " calls");
        if (stats.calls() == 0) {
            return head;
        }
        return head + " · greeting p50 " + ms(stats.greetingP50Ms()) + " · turn p50 " + ms(stats.turnP50Ms())
                + " · " + (stats.interruptionsPerCall() < 0 ? "-" : fmt("%.1f", stats.interruptionsPerCall()))
                + " interruptions per call · " + (stats.costPerCallUsd() < 0 ? "-" : fmt("$%.4f", stats.costPerCallUsd()))
                + " per call · " + stats.toolErrors() + " tool errors · " + stats.transferred() + " transferred · "
                + stats.hungUp() + " hung up · score " + (stats.meanScore() < 0 ? "-"
                : fmt("%.1f", stats.meanScore()) + " (n=" + stats.analysed() + ")");
    }

    private static String ms(long ms) {
        return ms < 0 ? "-" : ms + " ms";
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
