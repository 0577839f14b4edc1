package dev.switchboard.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** How {@link CallMetrics} read in the exports: a Markdown section and a JSON object. */
final class MetricsMarkdown {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsMarkdown() {
    }

    static String section(CallMetrics m) {
        StringBuilder md = new StringBuilder("## Latency and cost (observed here)\n\n| | |\n|---|---|\n");
        row(md, "Turns", Integer.toString(m.turns()));
        row(md, "Greeting", ms(m.greetingMs()));
        row(md, "Turn p50 / p95 / max", ms(m.p50Ms()) + " / " + ms(m.p95Ms()) + " / " + ms(m.maxMs()));
        row(md, "Interruptions", Integer.toString(m.interruptions()));
        row(md, "Cost", usd(m.costUsd()));
        row(md, "Alerts / warnings", m.alerts() + " / " + m.warnings());
        row(md, "Socket closed", m.closeCode() == null ? "—" : m.closeCode()
                + (m.closeReason() == null || m.closeReason().isBlank() ? "" : " " + m.closeReason()));
        row(md, "Webhook lag", ms(m.webhookLagMs()));
        if (!m.turnList().isEmpty()) {
            md.append("\n| turn | wait | speaking | tool | cost | interrupted |\n|---|---|---|---|---|---|\n");
            for (CallMetrics.TurnMetric t : m.turnList()) {
                md.append("| ").append(t.number()).append(" | ").append(ms(t.waitMs())).append(" | ")
                        .append(ms(t.speakingMs())).append(" | ").append(ms(t.toolMs())).append(" | ")
                        .append(usd(t.costUsd())).append(" | ").append(t.interrupted() ? "yes" : "no").append(" |\n");
            }
        }
        return md.toString();
    }

    static String withMetrics(String callJson, CallMetrics m) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(callJson);
            root.set("metrics", m.toJson());
            return MAPPER.writeValueAsString(root) + (callJson.endsWith("\n") ? "\n" : "");
        } catch (JsonProcessingException | ClassCastException e) {
            return callJson; // cannot happen for our own output; the export stays readable without metrics
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String ms(Long value) {
        return value == null ? "—" : value + " ms";
    }

    private static String usd(Double value) {
        return value == null ? "unknown" : String.format(Locale.ROOT, "$%.4f", value);
    }
}
