package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/responses} for Structured Outputs, deterministic: the same request always gets the same answer,
 * so demo mode shows a post-call analysis without a key. The request must have the shape OpenAI needs
 * ({@code model}, {@code input}, {@code text.format} of type {@code json_schema} with {@code name}, {@code schema},
 * {@code strict}); the answer follows the schema: a summary from the transcript, the first fitting outcome from
 * its {@code enum}, and a score per rubric item from its {@code enum}.
 */
final class ResponsesApi {

    static final String PATH = "/v1/responses";

    private ResponsesApi() {
    }

    /** The response body for a request body; throws {@link ApiError} for a request OpenAI would refuse. */
    static ObjectNode answer(String bodyText) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(bodyText);
        } catch (Exception e) {
            throw ApiError.badJson();
        }
        if (body == null || !body.isObject()) {
            throw ApiError.badJson();
        }
        if (!body.path("model").isTextual()) {
            throw ApiError.missing("model");
        }
        if (!body.has("input")) {
            throw ApiError.missing("input");
        }
        JsonNode format = body.path("text").path("format");
        if (!"json_schema".equals(format.path("type").asText())) {
            throw ApiError.invalidValue("text.format.type", format.path("type").asText(),
                    "This simulator answers only 'json_schema'.");
        }
        if (!format.path("name").isTextual() || !format.path("schema").isObject()) {
            throw ApiError.missing(format.path("name").isTextual() ? "text.format.schema" : "text.format.name");
        }
        String input = body.path("input").isTextual() ? body.path("input").asText() : body.path("input").toString();
        String json = Json.write(analysis(format.path("schema"), input));
        ObjectNode response = Json.MAPPER.createObjectNode();
        String id = "resp_sim" + Integer.toHexString(input.hashCode() & 0x7fffffff);
        response.put("id", id).put("object", "response").put("created_at", 1_700_000_000L)
                .put("status", "completed").put("model", body.path("model").asText());
        ObjectNode message = response.putArray("output").addObject();
        message.put("id", "msg_sim" + Integer.toHexString(json.hashCode() & 0x7fffffff)).put("type", "message")
                .put("status", "completed").put("role", "assistant");
        message.putArray("content").addObject().put("type", "output_text").put("text", json).putArray("annotations");
        int in = Math.max(1, input.length() / 4);
        int out = Math.max(1, json.length() / 4);
        response.putObject("usage").put("input_tokens", in).put("output_tokens", out).put("total_tokens", in + out);
        return response;
    }

    private static ObjectNode analysis(JsonNode schema, String input) {
        List<String> lines = input.lines().toList();
        int start = lines.indexOf("Transcript:") + 1; // the lines before it describe the call
        List<String> callerLines = new ArrayList<>();
        int agentLines = 0;
        for (String line : lines.subList(start, lines.size())) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("caller:")) {
                callerLines.add(line.substring(line.indexOf(':') + 1).strip());
            } else if (lower.startsWith("agent:")) {
                agentLines++;
            }
        }
        String first = callerLines.isEmpty() ? "nothing" : "\"" + callerLines.get(0) + "\"";
        String lower = input.toLowerCase(Locale.ROOT);
        List<String> outcomes = texts(schema.path("properties").path("outcome").path("enum"));
        String outcome = pick(outcomes, lower.contains("transfer") ? "transferred"
                : callerLines.isEmpty() ? "abandoned" : "resolved");
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("summary", "The caller opened with " + first + ". The agent answered " + agentLines + " time"
                + (agentLines == 1 ? "" : "s") + " over " + callerLines.size() + " caller turn"
                + (callerLines.size() == 1 ? "" : "s") + ". The call ended as " + outcome + ".");
        a.put("outcome", outcome);
        ArrayNode scores = a.putArray("scores");
        JsonNode itemSchema = schema.path("properties").path("scores").path("items").path("properties");
        List<String> items = texts(itemSchema.path("item").path("enum"));
        for (int i = 0; i < items.size(); i++) {
            int score = 3 + Math.floorMod((items.get(i) + "|" + input).hashCode(), 3); // 3, 4 or 5
            scores.addObject().put("item", items.get(i)).put("score", score)
                    .put("reason", score >= 4 ? "Handled well in the simulated call." : "Adequate, could be quicker.");
        }
        return a;
    }

    private static String pick(List<String> options, String wanted) {
        if (options.contains(wanted)) {
            return wanted;
        }
        return options.contains("other") ? "other" : options.isEmpty() ? wanted : options.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
