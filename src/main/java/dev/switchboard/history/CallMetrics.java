package dev.switchboard.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.Turn;
import dev.switchboard.call.TurnStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A call's latency, cost, interruptions and health as kept in history and written to exports. Times are the
 * monitor's own receive times ("observed here"); a null value is unknown (no greeting, no price for the model).
 */
public record CallMetrics(int turns, Long greetingMs, Long p50Ms, Long p95Ms, Long maxMs, int interruptions,
                          int responses, Double costUsd, int alerts, int warnings, Integer closeCode, String closeReason,
                          Long webhookLagMs, List<TurnMetric> turnList) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One answered caller turn: wait (speech stopped → first agent output), speaking and tool time, its cost. */
    public record TurnMetric(int number, long waitMs, Long speakingMs, Long toolMs, Double costUsd, boolean interrupted) {
    }

    public CallMetrics {
        turnList = List.copyOf(turnList);
    }

    public static CallMetrics of(Call call) {
        TurnStats s = call.turns().stats();
        List<TurnMetric> rows = new ArrayList<>();
        for (Turn t : call.turns().turns()) {
            rows.add(new TurnMetric(t.number(), t.latency().toMillis(), ms(t.speaking()), ms(t.toolTime()),
                    usd(t.costUsd()), t.interrupted()));
        }
        return new CallMetrics(s.turns(), ms(s.greetingLatency()), ms(s.p50()), ms(s.p95()), ms(s.max()),
                s.interruptions(), s.responses(), usd(s.costUsd()), call.alerts().count(),
                call.health().warnings().size(),
                call.health().closeCode().isPresent() ? call.health().closeCode().getAsInt() : null,
                call.health().closeReason().orElse(null), ms(call.health().webhookLag()), rows);
    }

    private static Long ms(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(null);
    }

    private static Double usd(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    // ---- JSON (the export's "metrics" object, and the stored per-turn list) ----

    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("observed", "times are the monitor's receive times");
        o.put("turns", turns);
        put(o, "greeting_ms", greetingMs);
        put(o, "turn_p50_ms", p50Ms);
        put(o, "turn_p95_ms", p95Ms);
        put(o, "turn_max_ms", maxMs);
        o.put("interruptions", interruptions);
        o.put("responses", responses);
        if (costUsd == null) {
            o.putNull("cost_usd");
        } else {
            o.put("cost_usd", costUsd);
        }
        o.put("alerts", alerts);
        o.put("warnings", warnings);
        if (closeCode == null) {
            o.putNull("close_code");
        } else {
            o.put("close_code", closeCode);
        }
        o.put("close_reason", closeReason);
        put(o, "webhook_lag_ms", webhookLagMs);
        o.set("per_turn", turnsJson(turnList));
        return o;
    }

    public static ArrayNode turnsJson(List<TurnMetric> list) {
        ArrayNode a = MAPPER.createArrayNode();
        for (TurnMetric t : list) {
            ObjectNode n = a.addObject();
            n.put("turn", t.number());
            n.put("wait_ms", t.waitMs());
            put(n, "speaking_ms", t.speakingMs());
            put(n, "tool_ms", t.toolMs());
            if (t.costUsd() == null) {
                n.putNull("cost_usd");
            } else {
                n.put("cost_usd", t.costUsd());
            }
            n.put("interrupted", t.interrupted());
        }
        return a;
    }

    /** Reads what {@link #turnsJson} wrote; an unreadable list is empty (the summary columns still stand). */
    public static List<TurnMetric> readTurns(String json) {
        List<TurnMetric> out = new ArrayList<>();
        try {
            for (JsonNode n : MAPPER.readTree(json == null ? "[]" : json)) {
                out.add(new TurnMetric(n.path("turn").asInt(), n.path("wait_ms").asLong(), longOrNull(n, "speaking_ms"),
                        longOrNull(n, "tool_ms"), n.path("cost_usd").isNumber() ? n.get("cost_usd").asDouble() : null,
                        n.path("interrupted").asBoolean()));
            }
        } catch (java.io.IOException e) {
            return List.of();
        }
        return out;
    }

    private static Long longOrNull(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.get(field).asLong() : null;
    }

    private static void put(ObjectNode o, String field, Long value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
