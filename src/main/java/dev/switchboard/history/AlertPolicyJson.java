package dev.switchboard.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AlertPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A profile's {@link AlertPolicy} in JSON: {@code {"rules": ["refund", "cancel (my|the) contract"],
 * "costCapUsd": 0.5}} in profile files, and the rules alone as a JSON array in the database.
 */
public final class AlertPolicyJson {

    private AlertPolicyJson() {
    }

    public static ObjectNode node(AlertPolicy policy) {
        ObjectNode n = HistoryJson.MAPPER.createObjectNode();
        policy.expressions().forEach(n.putArray("rules")::add);
        if (policy.costCapUsd().isPresent()) {
            n.put("costCapUsd", policy.costCapUsd().getAsDouble());
        }
        return n;
    }

    /**
     * Reads {@link #node}; a missing node is {@link AlertPolicy#NONE}.
     *
     * @throws IllegalArgumentException in plain words, for a bad expression or cap
     */
    public static AlertPolicy read(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return AlertPolicy.NONE;
        }
        List<String> expressions = new ArrayList<>();
        for (JsonNode rule : n.path("rules")) {
            expressions.add(rule.asText());
        }
        JsonNode cap = n.path("costCapUsd");
        if (!cap.isMissingNode() && !cap.isNull() && !cap.isNumber()) {
            throw new IllegalArgumentException("costCapUsd is not a number");
        }
        return AlertPolicy.of(expressions, cap.isNumber() ? OptionalDouble.of(cap.asDouble()) : OptionalDouble.empty());
    }

    public static String rulesJson(AlertPolicy policy) {
        return HistoryJson.compact(node(policy).path("rules"));
    }

    /** The expressions of {@link #rulesJson}; null or blank is none. */
    public static List<String> rulesFromJson(String json) {
        List<String> out = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        for (JsonNode rule : HistoryJson.parse(json)) {
            out.add(rule.asText());
        }
        return out;
    }
}
