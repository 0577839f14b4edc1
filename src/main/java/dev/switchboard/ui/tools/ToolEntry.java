package dev.switchboard.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSpec;
import dev.switchboard.config.ToolsJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One tool in the editor, as fields: a function (name, description, parameters as JSON text, how its calls are
 * answered) or an MCP server (label, URL, allowed tools, approval, headers). Fields the editor has no control for
 * (e.g. {@code strict}, {@code connector_id}) ride along unchanged in {@link #base}.
 */
public final class ToolEntry {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "" = not sent (the API's default applies). */
    public static final List<String> APPROVAL_CHOICES = List.of("", "always", "never");

    /** An MCP header: its value is a secret, shown masked. */
    public record Header(StringProperty name, StringProperty value) {
        public Header(String name, String value) {
            this(new SimpleStringProperty(name), new SimpleStringProperty(value));
        }
    }

    private final ToolSpec.Kind kind;
    private final ObjectNode base;
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final StringProperty description = new SimpleStringProperty(this, "description", "");
    final StringProperty parameters = new SimpleStringProperty(this, "parameters", "");
    final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    final StringProperty allowedTools = new SimpleStringProperty(this, "allowedTools", "");
    final StringProperty requireApproval = new SimpleStringProperty(this, "requireApproval", "");
    final ObservableList<Header> headers = FXCollections.observableArrayList();
    final ObjectProperty<ToolReply.Mode> replyMode = new SimpleObjectProperty<>(this, "replyMode", ToolReply.Mode.BY_HAND);
    final StringProperty replyOutput = new SimpleStringProperty(this, "replyOutput", "");
    final StringProperty replyDelayMs = new SimpleStringProperty(this, "replyDelayMs", "0");

    private ToolEntry(ToolSpec.Kind kind, ObjectNode base) {
        this.kind = kind;
        this.base = base;
    }

    public static ToolEntry newFunction() {
        ToolEntry e = new ToolEntry(ToolSpec.Kind.FUNCTION, JSON.createObjectNode().put("type", "function"));
        e.parameters.set("{\"type\": \"object\", \"properties\": {}}");
        return e;
    }

    public static ToolEntry newMcp() {
        ToolEntry e = new ToolEntry(ToolSpec.Kind.MCP, JSON.createObjectNode().put("type", "mcp"));
        e.requireApproval.set("always"); // a new server asks first: the safe choice for a prototype
        return e;
    }

    /** Fields from a tool object in the API's form (unmasked: the editor holds the real header values). */
    static ToolEntry of(ToolSpec spec, ToolReply reply) {
        ObjectNode n;
        try {
            n = (ObjectNode) JSON.readTree(spec.json());
        } catch (java.io.IOException | ClassCastException e) {
            n = JSON.createObjectNode().put("type", spec.isFunction() ? "function" : "mcp");
        }
        ToolEntry e = new ToolEntry(spec.kind(), n);
        if (spec.isFunction()) {
            e.name.set(n.path("name").asText(""));
            e.description.set(n.path("description").asText(""));
            e.parameters.set(n.has("parameters") ? pretty(n.get("parameters")) : "");
            if (reply != null) {
                e.replyMode.set(reply.mode());
                e.replyOutput.set(reply.output());
                e.replyDelayMs.set(String.valueOf(reply.delayMs()));
            }
        } else {
            e.name.set(n.path("server_label").asText(""));
            e.serverUrl.set(n.path("server_url").asText(""));
            List<String> allowed = new ArrayList<>();
            n.path("allowed_tools").forEach(t -> allowed.add(t.asText()));
            e.allowedTools.set(String.join(", ", allowed));
            e.requireApproval.set(n.path("require_approval").isTextual() ? n.get("require_approval").asText()
                    : n.has("require_approval") ? "filter (kept as is)" : "");
            n.path("headers").fields().forEachRemaining(h -> e.headers.add(new Header(h.getKey(), h.getValue().asText())));
        }
        return e;
    }

    /** The tool object in the API's form; a problem throws with the JSON pointer under {@code at}. */
    ToolSpec toSpec(String at) {
        ObjectNode n = base.deepCopy();
        if (isFunction()) {
            n.put("name", name.get().trim());
            putOrRemove(n, "description", description.get());
            String p = parameters.get() == null ? "" : parameters.get().trim();
            if (p.isEmpty()) {
                n.remove("parameters");
            } else {
                try {
                    n.set("parameters", JSON.readTree(p));
                } catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
                    throw new ToolsJson.ToolsFormatException(at + "/parameters", "parameters are not valid JSON: "
                            + bad.getOriginalMessage() + " (line " + bad.getLocation().getLineNr() + ", column "
                            + bad.getLocation().getColumnNr() + ")");
                }
            }
        } else {
            n.put("server_label", name.get().trim());
            putOrRemove(n, "server_url", serverUrl.get());
            List<String> allowed = Arrays.stream(allowedTools.get().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            if (allowed.isEmpty()) {
                n.remove("allowed_tools");
            } else {
                n.set("allowed_tools", JSON.valueToTree(allowed));
            }
            String approval = requireApproval.get() == null ? "" : requireApproval.get();
            if (approval.equals("always") || approval.equals("never")) {
                n.put("require_approval", approval);
            } else if (approval.isEmpty()) {
                n.remove("require_approval");
            } // else: a filter object from the imported tool, kept as it was

            if (headers.isEmpty()) {
                n.remove("headers");
            } else {
                ObjectNode h = n.putObject("headers");
                headers.stream().filter(x -> !x.name().get().isBlank())
                        .forEach(x -> h.put(x.name().get().trim(), x.value().get()));
            }
        }
        return ToolsJson.parseTool(n, at);
    }

    ToolReply reply() {
        long delay;
        try {
            delay = Long.parseLong(replyDelayMs.get().trim());
        } catch (NumberFormatException e) {
            delay = -1;
        }
        return new ToolReply(replyMode.get(), replyOutput.get(), delay);
    }

    /** A problem with the reply policy, or "". */
    String replyProblem() {
        if (!isFunction() || replyMode.get() == ToolReply.Mode.BY_HAND) {
            return "";
        }
        String d = replyDelayMs.get() == null ? "" : replyDelayMs.get().trim();
        return d.matches("\\d{1,7}") ? "" : "Reply delay of " + name.get() + " must be a number of ms (0-9999999).";
    }

    private static void putOrRemove(ObjectNode n, String field, String value) {
        if (value == null || value.isBlank()) {
            n.remove(field);
        } else {
            n.put(field, value.trim());
        }
    }

    static String pretty(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return n.toString();
        }
    }

    public boolean isFunction() {
        return kind == ToolSpec.Kind.FUNCTION;
    }

    public ToolSpec.Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        String n = name.get().isBlank() ? "(unnamed)" : name.get();
        return isFunction() ? n + "()" : n + " (MCP)";
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    /** The JSON Schema of the arguments, as text. */
    public StringProperty parametersProperty() { return parameters; }
    public StringProperty serverUrlProperty() { return serverUrl; }
    /** Comma-separated tool names; empty = every tool the server offers. */
    public StringProperty allowedToolsProperty() { return allowedTools; }
    public StringProperty requireApprovalProperty() { return requireApproval; }
    public ObservableList<Header> headers() { return headers; }
    public ObjectProperty<ToolReply.Mode> replyModeProperty() { return replyMode; }
    /** The canned output (or the error message), and the prefill of the card's output editor. */
    public StringProperty replyOutputProperty() { return replyOutput; }
    public StringProperty replyDelayMsProperty() { return replyDelayMs; }
}
