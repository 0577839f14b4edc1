package dev.switchboard.report;

import dev.switchboard.call.Milestone;
import dev.switchboard.call.PrivacyMask;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.call.Turn;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RubricScore;
import dev.switchboard.history.StoredCall;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One call as a self-contained HTML page to share: header, transcript with turn latency badges and interruptions,
 * the turn waterfall (inline SVG), cost, analysis, the profile version with its instructions and the steering
 * actions. No script, no external URL of any kind, never a key; presenter masking when asked.
 */
public final class CallReport {

    /** Everything the page shows. {@code turns} are the replayed call's answered turns. */
    public record Input(StoredCall call, List<Turn> turns, CallNumbers metrics, Optional<CallAnalysis> analysis,
                        Optional<ProfileVersion> profile, boolean presenter, List<String> secrets, ZoneId zone) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    /** A wait this long gets the "slow" badge colour. */
    static final long SLOW_MS = 1500;

    private CallReport() {
    }

    public static String html(Input in) {
        Html h = new Html(in.presenter(), in.secrets());
        StoredCall call = in.call();
        StringBuilder b = new StringBuilder();
        String caller = in.presenter() ? PrivacyMask.maskAddress(call.caller()) : call.caller().describe();
        String callee = in.presenter() ? PrivacyMask.maskNumber(call.callee().number()) : call.callee().number();
        b.append("<h1>Call ").append(h.text(call.id())).append("</h1>\n<table class=\"meta\">\n");
        row(b, "Caller", h.text(caller));
        row(b, "Called", h.text(callee));
        row(b, "Started", Html.escape(TIME.format(call.createdAt().atZone(in.zone()))));
        row(b, "Duration", Html.escape(clock(call.duration())));
        row(b, "Outcome", h.text(call.outcome()));
        row(b, "Profile", in.profile().map(p -> h.text(p.ref().describe()))
                .orElse(call.profileRef().map(p -> h.text(p.describe())).orElse("none")));
        b.append("</table>\n");

        CallNumbers m = in.metrics();
        b.append("<h2>Metrics and cost</h2>\n<table class=\"meta\" id=\"metrics\">\n");
        row(b, "Answered turns", Integer.toString(m.turns()));
        row(b, "Greeting latency", ms(m.greetingMs()));
        row(b, "Turn latency p50 / p95 / max", ms(m.turnP50Ms()) + " / " + ms(m.turnP95Ms()) + " / " + ms(m.turnMaxMs()));
        row(b, "Interruptions", Integer.toString(m.interruptions()));
        row(b, "Tool errors", m.toolErrors() < 0 ? "unknown" : Integer.toString(m.toolErrors()));
        row(b, "Cost", m.hasCost() ? String.format(Locale.ROOT, "$%.4f", m.costUsd()) : "unknown (no price)");
        row(b, "Tokens", Long.toString(call.totalUsage().totalTokens()));
        b.append("</table>\n");

        b.append("<h2>Analysis</h2>\n");
        analysis(b, h, in.analysis());

        b.append("<h2>Turn waterfall</h2>\n");
        b.append(Waterfall.svg(in.turns(), call.timeline().get(Milestone.ACCEPT_ANSWERED)));

        b.append("<h2>Transcript</h2>\n<div id=\"transcript\">\n");
        Map<String, Turn> byAgentItem = new HashMap<>();
        for (Turn t : in.turns()) {
            if (t.agentItemId() != null) {
                byAgentItem.put(t.agentItemId(), t);
            }
        }
        for (TranscriptEntry e : call.transcript()) {
            if (!e.isUtterance()) {
                b.append("<div class=\"line marker\">").append(h.text(e.text())).append("</div>\n");
                continue;
            }
            String who = e.speaker().label();
            b.append("<div class=\"line ").append(who).append("\"><span class=\"who\">").append(who)
                    .append("</span> ").append(h.text(e.text()));
            Turn t = byAgentItem.get(e.key());
            if (t != null) {
                long ms = t.latency().toMillis();
                b.append("<span class=\"badge").append(ms >= SLOW_MS ? " slow" : "").append("\">")
                        .append(ms).append(" ms</span>");
                if (t.interrupted()) {
                    b.append("<span class=\"badge cut\">interrupted</span>");
                }
            }
            b.append("</div>\n");
        }
        b.append("</div>\n");

        b.append("<h2>Steering actions</h2>\n");
        steering(b, h, call);

        b.append("<h2>Instructions</h2>\n");
        String instructions = in.profile().map(p -> p.settings().instructions())
                .orElse(call.acceptSettings().map(s -> s.instructions()).orElse(""));
        b.append(instructions.isBlank() ? "<p class=\"muted\">Not recorded.</p>\n"
                : "<pre id=\"instructions\">" + h.text(instructions) + "</pre>\n");
        b.append("<p class=\"muted\">Made by Switchboard. Self-contained: opens offline, loads nothing.</p>\n");
        return Html.page("Call " + call.id(), b.toString());
    }

    private static void analysis(StringBuilder b, Html h, Optional<CallAnalysis> analysis) {
        if (analysis.isEmpty()) {
            b.append("<p class=\"muted\" id=\"analysis\">Not analysed.</p>\n");
            return;
        }
        CallAnalysis a = analysis.get();
        if (!a.isDone()) {
            b.append("<p id=\"analysis\">Analysis failed: ").append(h.text(a.error())).append("</p>\n");
            return;
        }
        b.append("<div id=\"analysis\"><p>").append(h.text(a.summary())).append("</p>\n<table class=\"meta\">\n");
        row(b, "Outcome", h.text(a.outcome()));
        row(b, "Mean score", "<span class=\"score\">" + a.meanScoreText() + "</span> / 5");
        for (RubricScore s : a.scores()) {
            row(b, h.text(s.item()), "<span class=\"score\">" + s.score() + "</span> " + h.text(s.reason()));
        }
        b.append("</table></div>\n");
    }

    private static void steering(StringBuilder b, Html h, StoredCall call) {
        Instant origin = call.createdAt();
        StringBuilder rows = new StringBuilder();
        for (RawEvent e : call.events()) {
            if (e.direction() != RawEvent.Direction.OUT) {
                continue;
            }
            String what = switch (e.type()) {
                case "session.update" -> "instructions or session updated";
                case "response.create" -> "agent asked to say something";
                case "conversation.item.create" -> "item added to the conversation";
                default -> e.type();
            };
            rows.append("<tr><td>+").append(clock(Duration.between(origin, e.at()))).append("</td><td>")
                    .append(h.text(what)).append("</td></tr>\n");
        }
        if (!call.lastActionResult().isBlank()) {
            rows.append("<tr><td>last</td><td>").append(h.text(call.lastActionResult())).append("</td></tr>\n");
        }
        b.append(rows.length() == 0 ? "<p class=\"muted\">None.</p>\n"
                : "<table id=\"steering\">\n" + rows + "</table>\n");
    }

    private static void row(StringBuilder b, String label, String valueHtml) {
        b.append("<tr><td>").append(label).append("</td><td>").append(valueHtml).append("</td></tr>\n");
    }

    static String ms(long ms) {
        return ms < 0 ? "-" : ms + " ms";
    }

    static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
