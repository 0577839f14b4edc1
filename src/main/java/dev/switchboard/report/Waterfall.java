package dev.switchboard.report;

import dev.switchboard.call.Turn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The turn waterfall as inline SVG: one row per answered turn, placed at the moment the caller stopped speaking;
 * the amber part is the wait for the answer, the blue part the agent speaking (red when interrupted).
 */
final class Waterfall {

    static final int WIDTH = 900;
    private static final int ROW = 22;
    private static final int LABEL = 60;

    private Waterfall() {
    }

    static String svg(List<Turn> turns, Instant origin) {
        if (turns.isEmpty()) {
            return "<p class=\"muted\" id=\"waterfall-empty\">No answered turns.</p>\n";
        }
        Instant start = origin == null ? turns.get(0).speechStoppedAt() : origin;
        double end = 1;
        for (Turn t : turns) {
            end = Math.max(end, seconds(start, t.speechStoppedAt()) + secs(t.latency())
                    + t.speaking().map(Waterfall::secs).orElse(0.0));
        }
        double scale = (WIDTH - LABEL - 10) / end;
        int height = turns.size() * ROW + 24;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"waterfall\" role=\"img\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" aria-label=\"Turn waterfall\">%n", WIDTH, height, WIDTH, height));
        for (Turn t : turns) {
            int y = (t.number() - 1) * ROW + 4;
            double x = LABEL + seconds(start, t.speechStoppedAt()) * scale;
            double wait = Math.max(1, secs(t.latency()) * scale);
            double speak = t.speaking().map(d -> Math.max(1, secs(d) * scale)).orElse(0.0);
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\" fill=\"#556\">turn %d</text>",
                    y + 13, t.number()));
            svg.append(String.format(Locale.ROOT, "<rect class=\"wait\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\""
                    + " fill=\"#f0a030\"><title>wait %d ms</title></rect>", x, y, wait, t.latency().toMillis()));
            if (speak > 0) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"speak\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                        + " height=\"16\" fill=\"%s\"><title>speaking%s</title></rect>", x + wait, y, speak,
                        t.interrupted() ? "#d04040" : "#3b6fd8", t.interrupted() ? ", interrupted" : ""));
            }
            svg.append('\n');
        }
        int axis = turns.size() * ROW + 18;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#778\">0 s</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#778\" text-anchor=\"end\">%.1f s</text>%n",
                LABEL, axis, WIDTH - 4, axis, end));
        return svg.append("</svg>\n").toString();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
