package dev.switchboard.report;

import dev.switchboard.history.ArmStats;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.ExperimentArm;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * One prompt experiment as a self-contained HTML page to share: its arms, the verdict, per-arm metrics, bar charts
 * of turn latency and score (inline SVG), each arm's calls with their analysis and each arm's instructions. Same
 * rules as {@link CallReport}: no script, no external URL of any kind, never a key; presenter masking when asked.
 */
public final class ExperimentReport {

    /**
     * Everything the page shows.
     *
     * @param versions  each arm's profile version (for its instructions), in arm order; empty when it is gone
     * @param analyses  the stored analyses of the experiment's calls, by call id
     */
    public record Input(ExperimentResult result, List<Optional<ProfileVersion>> versions,
                        Map<String, CallAnalysis> analyses, boolean presenter, List<String> secrets, ZoneId zone) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final int CHART_WIDTH = 600;
    private static final int BAR = 22;
    private static final int LABEL = 180;

    private ExperimentReport() {
    }

    public static String html(Input in) {
        Html h = new Html(in.presenter(), in.secrets());
        ExperimentInfo info = in.result().experiment();
        StringBuilder b = new StringBuilder();
        b.append("<h1>Experiment ").append(h.text(info.name())).append("</h1>\n<table class=\"meta\">\n");
        row(b, "Arms", h.text(String.join(" vs ", info.arms().stream()
                .map(a -> a.profile().describe() + weight(a)).toList())));
        row(b, "Started", Html.escape(TIME.format(info.started().atZone(in.zone()))));
        row(b, "Stopped", info.stoppedAt().map(t -> Html.escape(TIME.format(t.atZone(in.zone())))).orElse("still running"));
        row(b, "Seed", Long.toString(info.seed()));
        b.append("</table>\n");

        b.append("<h2>Verdict</h2>\n<p id=\"verdict\">")
                .append(in.result().verdict().isBlank() ? "Not enough arms for a verdict." : h.text(in.result().verdict()))
                .append("</p>\n");

        List<ArmStats> arms = in.result().arms();
        b.append("<h2>Per arm</h2>\n<table id=\"arms\">\n<tr><th>Arm</th><th>Calls</th><th>Greeting p50</th>"
                + "<th>Turn p50</th><th>Interruptions per call</th><th>Cost per call</th><th>Tool errors</th>"
                + "<th>Transferred</th><th>Hung up</th><th>Mean score</th></tr>\n");
        for (ArmStats a : arms) {
            b.append("<tr><td>").append(h.text(a.profile().describe())).append("</td><td>").append(a.calls())
                    .append("</td><td>").append(CallReport.ms(a.greetingP50Ms())).append("</td><td>")
                    .append(CallReport.ms(a.turnP50Ms())).append("</td><td>")
                    .append(a.interruptionsPerCall() < 0 ? "-" : fmt("%.1f", a.interruptionsPerCall()))
                    .append("</td><td>").append(a.costPerCallUsd() < 0 ? "-" : fmt("$%.4f", a.costPerCallUsd()))
                    .append("</td><td>").append(a.toolErrors()).append("</td><td>").append(a.transferred())
                    .append("</td><td>").append(a.hungUp()).append("</td><td>")
                    .append(a.meanScore() < 0 ? "-" : fmt("%.1f", a.meanScore()) + " (n=" + a.analysed() + ")")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>Turn latency p50</h2>\n");
        b.append(bars(h, "chart-latency", arms, a -> a.turnP50Ms(), v -> Math.round(v) + " ms"));
        b.append("<h2>Mean rubric score</h2>\n");
        b.append(bars(h, "chart-score", arms, ArmStats::meanScore, v -> fmt("%.1f", v) + " / 5"));

        for (int i = 0; i < arms.size(); i++) {
            ArmStats a = arms.get(i);
            b.append("<h2>").append(h.text(a.profile().describe())).append("</h2>\n");
            calls(b, h, a, in.analyses());
            Optional<ProfileVersion> version = i < in.versions().size() ? in.versions().get(i) : Optional.empty();
            String instructions = version.map(v -> v.settings().instructions()).orElse("");
            b.append(instructions.isBlank() ? "<p class=\"muted\">Instructions not recorded.</p>\n"
                    : "<pre class=\"instructions\">" + h.text(instructions) + "</pre>\n");
        }
        b.append("<p class=\"muted\">Made by Switchboard. Self-contained: opens offline, loads nothing.</p>\n");
        return Html.page("Experiment " + info.name(), b.toString());
    }

    private static void calls(StringBuilder b, Html h, ArmStats arm, Map<String, CallAnalysis> analyses) {
        if (arm.callIds().isEmpty()) {
            b.append("<p class=\"muted\">No calls yet.</p>\n");
            return;
        }
        b.append("<table class=\"calls\">\n<tr><th>Call</th><th>Score</th><th>Outcome</th><th>Summary</th></tr>\n");
        for (String id : arm.callIds()) {
            CallAnalysis a = analyses.get(id);
            b.append("<tr><td>").append(h.text(id)).append("</td>");
            if (a == null) {
                b.append("<td>-</td><td></td><td class=\"muted\">Not analysed.</td>");
            } else if (!a.isDone()) {
                b.append("<td>-</td><td></td><td class=\"muted\">Analysis failed: ").append(h.text(a.error())).append("</td>");
            } else {
                b.append("<td class=\"score\">").append(a.meanScoreText()).append("</td><td>").append(h.text(a.outcome()))
                        .append("</td><td>").append(h.text(a.summary())).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    /** One horizontal bar per arm, scaled to the largest value; an arm without a value shows "-". */
    private static String bars(Html h, String id, List<ArmStats> arms, ToDoubleFunction<ArmStats> value,
                               java.util.function.DoubleFunction<String> label) {
        double max = arms.stream().mapToDouble(value).max().orElse(0);
        int height = arms.size() * (BAR + 8) + 8;
        StringBuilder s = new StringBuilder("<svg id=\"").append(id).append("\" ")
                .append("width=\"").append(CHART_WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ').append(height)
                .append("\" role=\"img\" font-size=\"12\">\n");
        int y = 8;
        for (ArmStats a : arms) {
            double v = value.applyAsDouble(a);
            s.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(h.text(a.profile().describe()))
                    .append("</text>\n");
            if (v >= 0 && max > 0) {
                int w = (int) Math.max(1, Math.round((CHART_WIDTH - LABEL - 90) * v / max));
                s.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y).append("\" width=\"").append(w)
                        .append("\" height=\"").append(BAR).append("\" fill=\"#2458c6\"/>\n");
                s.append("<text x=\"").append(LABEL + w + 6).append("\" y=\"").append(y + 15).append("\">")
                        .append(Html.escape(label.apply(v))).append("</text>\n");
            } else {
                s.append("<text x=\"").append(LABEL).append("\" y=\"").append(y + 15).append("\" fill=\"#778\">-</text>\n");
            }
            y += BAR + 8;
        }
        return s.append("</svg>\n").toString();
    }

    private static String weight(ExperimentArm arm) {
        return arm.weight() == 1 ? "" : " (weight " + fmt("%.2f", arm.weight()) + ")";
    }

    private static void row(StringBuilder b, String label, String valueHtml) {
        b.append("<tr><td>").append(label).append("</td><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
