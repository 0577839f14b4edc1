package dev.switchboard.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.call.ToolSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tools in the API's own form: reads and checks tool objects (a problem names its JSON pointer, e.g.
 * {@code /tools/1/parameters}), the tools file {@code {"tools":[…], "replies":{"<name>": <any JSON>}}}, and the
 * form stored with a profile. MCP header values and {@code authorization} are secrets: {@link #masked} hides them.
 */
public final class ToolsJson {

    public static final String MASK = "••••••";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolsJson() {
    }

    /** A structural problem at a JSON pointer. */
    public static final class ToolsFormatException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        public ToolsFormatException(String pointer, String problem) {
            super(pointer.isEmpty() ? problem : problem + " (at " + pointer + ")");
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }
    }

    /** Reads a tools file: exactly its tools, and each function's reply serialised as the output string. */
    public static ToolSet readToolsFile(String json) {
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new ToolsFormatException("", "the file must be a JSON object with \"tools\" and \"replies\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("tools") && !field.equals("replies")) {
                throw new ToolsFormatException("/" + field, "unknown field \"" + field + "\" (use tools and replies)");
            }
        }
        if (!root.path("tools").isArray()) {
            throw new ToolsFormatException("/tools", "\"tools\" must be an array of tool objects");
        }
        List<ToolSpec> tools = parseTools(root.get("tools"), "/tools");
        Map<String, ToolReply> replies = new LinkedHashMap<>();
        JsonNode r = root.path("replies");
        if (!r.isMissingNode()) {
            if (!r.isObject()) {
                throw new ToolsFormatException("/replies", "\"replies\" must be an object of function name to JSON");
            }
            r.fields().forEachRemaining(e -> replies.put(e.getKey(), ToolReply.canned(compact(e.getValue()), 0)));
        }
        return new ToolSet(tools, replies, "");
    }

    /** Reads API tool objects (a tools array); {@code base} is the array's pointer. */
    public static List<ToolSpec> parseTools(JsonNode array, String base) {
        if (array == null || !array.isArray()) {
            throw new ToolsFormatException(base, "tools must be a JSON array");
        }
        List<ToolSpec> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(parseTool(array.get(i), base + "/" + i));
        }
        return out;
    }

    /** Reads an API tools array typed by a person: {@code [ {…}, … ]}. */
    public static List<ToolSpec> parseToolsText(String json) {
        return parseTools(parse(json), "");
    }

    public static ToolSpec parseTool(JsonNode t, String at) {
        if (!t.isObject()) {
            throw new ToolsFormatException(at, "a tool must be a JSON object");
        }
        String type = t.path("type").asText("");
        if (type.equals("function")) {
            String name = requireText(t, "name", at);
            optionalText(t, "description", at);
            JsonNode params = t.get("parameters");
            if (params != null) {
                checkParameters(params, at + "/parameters");
            }
            return new ToolSpec(ToolSpec.Kind.FUNCTION, name, compact(t));
        }
        if (type.equals("mcp")) {
            String label = requireText(t, "server_label", at);
            if (!t.has("server_url") && !t.has("connector_id")) {
                throw new ToolsFormatException(at, "an MCP tool needs server_url (or connector_id)");
            }
            optionalText(t, "server_url", at);
            JsonNode allowed = t.get("allowed_tools");
            if (allowed != null && !allowed.isNull() && !allowed.isObject() && !stringArray(allowed)) {
                throw new ToolsFormatException(at + "/allowed_tools", "allowed_tools must be an array of tool names");
            }
            JsonNode approval = t.get("require_approval");
            if (approval != null && !approval.isNull() && !approval.isObject()
                    && !(approval.isTextual() && (approval.asText().equals("always") || approval.asText().equals("never")))) {
                throw new ToolsFormatException(at + "/require_approval", "require_approval must be always, never or a filter");
            }
            JsonNode headers = t.get("headers");
            if (headers != null && !headers.isNull()) {
                if (!headers.isObject()) {
                    throw new ToolsFormatException(at + "/headers", "headers must be an object of strings");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> h = it.next();
                    if (!h.getValue().isTextual()) {
                        throw new ToolsFormatException(at + "/headers/" + h.getKey(), "a header value must be a string");
                    }
                }
            }
            return new ToolSpec(ToolSpec.Kind.MCP, label, compact(t));
        }
        throw new ToolsFormatException(at + "/type", "type must be \"function\" or \"mcp\""
                + (type.isEmpty() ? "" : ", not \"" + type + "\""));
    }

    /** A function's parameters: a JSON Schema object ({@code type: object}, {@code properties}, {@code required}). */
    private static void checkParameters(JsonNode p, String at) {
        if (!p.isObject()) {
            throw new ToolsFormatException(at, "parameters must be a JSON Schema object");
        }
        if (p.has("type") && !"object".equals(p.path("type").asText())) {
            throw new ToolsFormatException(at + "/type", "the parameters schema must have type \"object\"");
        }
        if (p.has("properties") && !p.get("properties").isObject()) {
            throw new ToolsFormatException(at + "/properties", "properties must be an object of schemas");
        }
        if (p.has("required") && !stringArray(p.get("required"))) {
            throw new ToolsFormatException(at + "/required", "required must be an array of property names");
        }
    }

    private static boolean stringArray(JsonNode n) {
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String requireText(JsonNode t, String field, String at) {
        JsonNode v = t.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ToolsFormatException(at + "/" + field, field + " must be a non-empty string");
        }
        return v.asText();
    }

    private static void optionalText(JsonNode t, String field, String at) {
        if (t.has(field) && !t.get(field).isTextual()) {
            throw new ToolsFormatException(at + "/" + field, field + " must be a string");
        }
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json == null ? "" : json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ToolsFormatException("", "not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    // ---- API form, for sending and export ----

    public static ArrayNode apiTools(List<ToolSpec> tools, boolean maskSecrets) {
        ArrayNode a = MAPPER.createArrayNode();
        for (ToolSpec t : tools) {
            a.add(maskSecrets ? masked(t) : parse(t.json()));
        }
        return a;
    }

    /** The tool object with MCP header values and authorization replaced by {@link #MASK}. */
    public static ObjectNode masked(ToolSpec t) {
        ObjectNode n = (ObjectNode) parse(t.json());
        if (n.path("headers").isObject()) {
            ObjectNode headers = (ObjectNode) n.get("headers");
            List<String> names = new ArrayList<>();
            headers.fieldNames().forEachRemaining(names::add);
            names.forEach(h -> headers.put(h, MASK));
        }
        if (n.has("authorization")) {
            n.put("authorization", MASK);
        }
        return n;
    }

    // ---- the form stored with a profile ----

    public static ObjectNode toolSetNode(ToolSet set, boolean maskSecrets) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("tools", apiTools(set.tools(), maskSecrets));
        ObjectNode replies = n.putObject("replies");
        set.replies().forEach((name, r) -> replies.putObject(name).put("mode", r.mode().name())
                .put("output", r.output()).put("delayMs", r.delayMs()));
        n.put("toolChoice", set.toolChoice());
        return n;
    }

    public static ToolSet toolSet(JsonNode n) {
        if (n == null || !n.isObject()) {
            return ToolSet.NONE;
        }
        List<ToolSpec> tools = n.has("tools") ? parseTools(n.get("tools"), "/tools") : List.of();
        Map<String, ToolReply> replies = new LinkedHashMap<>();
        n.path("replies").fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            ToolReply.Mode mode;
            try {
                mode = ToolReply.Mode.valueOf(r.path("mode").asText("BY_HAND"));
            } catch (IllegalArgumentException unknown) {
                mode = ToolReply.Mode.BY_HAND;
            }
            replies.put(e.getKey(), new ToolReply(mode, r.path("output").asText(""), r.path("delayMs").asLong()));
        });
        return new ToolSet(tools, replies, n.path("toolChoice").asText(""));
    }

    public static String compact(JsonNode node) {
        return node.toString();
    }
}
