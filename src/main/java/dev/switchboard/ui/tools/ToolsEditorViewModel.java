package dev.switchboard.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.call.ToolSpec;
import dev.switchboard.config.ToolsJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Edits a {@link ToolSet}: function and MCP tools as fields, {@code tool_choice}, and per function how its calls
 * are answered. Every edit is checked with the same rules as a tools file ({@link ToolsJson}), so a problem names
 * its JSON pointer ({@code /tools/1/parameters}). Import and export use the API's own form (a {@code tools}
 * array, or {@code {"tools":[…]}}); an export masks MCP header values, and importing it back keeps the values
 * already held for the same server and header. FX thread only.
 */
public final class ToolsEditorViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final List<String> TOOL_CHOICE_BASICS = List.of("", "auto", "none", "required");

    private final ObservableList<ToolEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<ToolEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty toolChoice = new SimpleStringProperty(this, "toolChoice", "");
    private final StringProperty problems = new SimpleStringProperty(this, "problems", "");
    private final BooleanProperty valid = new SimpleBooleanProperty(this, "valid", true);
    private final StringProperty importResult = new SimpleStringProperty(this, "importResult", "");
    private final InvalidationListener recheck = o -> check();

    public ToolsEditorViewModel(ToolSet initial) {
        toolChoice.addListener(recheck);
        entries.addListener((ListChangeListener<ToolEntry>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
            }
            check();
        });
        load(initial);
    }

    public void load(ToolSet set) {
        ToolSet s = set == null ? ToolSet.NONE : set;
        List<ToolEntry> next = new ArrayList<>();
        for (ToolSpec t : s.tools()) {
            next.add(ToolEntry.of(t, s.replies().get(t.name())));
        }
        entries.setAll(next);
        toolChoice.set(s.toolChoice());
        selected.set(entries.isEmpty() ? null : entries.get(0));
        check();
    }

    private void watch(ToolEntry e) {
        for (Observable o : List.of(e.name, e.description, e.parameters, e.serverUrl, e.allowedTools,
                e.requireApproval, e.replyMode, e.replyOutput, e.replyDelayMs)) {
            o.addListener(recheck);
        }
        e.headers.addListener((ListChangeListener<ToolEntry.Header>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(h -> {
                    h.name().addListener(recheck);
                    h.value().addListener(recheck);
                });
            }
            check();
        });
        e.headers.forEach(h -> {
            h.name().addListener(recheck);
            h.value().addListener(recheck);
        });
    }

    public ToolEntry addFunction() {
        ToolEntry e = ToolEntry.newFunction();
        entries.add(e);
        selected.set(e);
        return e;
    }

    public ToolEntry addMcp() {
        ToolEntry e = ToolEntry.newMcp();
        entries.add(e);
        selected.set(e);
        return e;
    }

    public void remove(ToolEntry e) {
        int at = entries.indexOf(e);
        entries.remove(e);
        selected.set(entries.isEmpty() ? null : entries.get(Math.max(0, Math.min(at, entries.size() - 1))));
    }

    private void check() {
        List<String> found = new ArrayList<>();
        try {
            found.addAll(build().problems());
        } catch (IllegalArgumentException e) {
            found.add(e.getMessage());
        }
        entries.stream().map(ToolEntry::replyProblem).filter(p -> !p.isEmpty()).forEach(found::add);
        problems.set(String.join("\n", found));
        valid.set(found.isEmpty());
    }

    /** The edited set; throws (with the JSON pointer) when a tool is malformed. */
    private ToolSet build() {
        List<ToolSpec> tools = new ArrayList<>();
        Map<String, ToolReply> replies = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ToolEntry e = entries.get(i);
            ToolSpec spec = e.toSpec("/tools/" + i);
            tools.add(spec);
            ToolReply r = e.reply();
            if (e.isFunction() && (r.automatic() || !r.output().isEmpty())) {
                replies.put(spec.name(), r);
            }
        }
        return new ToolSet(tools, replies, toolChoice.get());
    }

    /** The edited set, when valid. */
    public ToolSet result() {
        if (!valid.get()) {
            throw new IllegalStateException(problems.get());
        }
        return build();
    }

    /** The tools in the API's form, pretty, with MCP header values masked: safe to share. */
    public String exportJson() {
        List<ToolSpec> specs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                specs.add(entries.get(i).toSpec("/tools/" + i));
            } catch (IllegalArgumentException malformed) {
                // exported as far as it is well-formed; the problem line says what to fix
            }
        }
        return ToolEntry.pretty(JSON.createObjectNode().set("tools", ToolsJson.apiTools(specs, true)));
    }

    /**
     * Replaces the tools with those of a JSON text: a tools array, {@code {"tools":[…]}} (a session), or a
     * tools file ({@code replies} become canned replies). Returns "" or the problem (with the JSON pointer); on a
     * problem nothing changes.
     */
    public String importJson(String text) {
        String problem;
        try {
            JsonNode root = JSON.readTree(text == null ? "" : text);
            ToolSet imported;
            if (root != null && root.isArray()) {
                imported = new ToolSet(ToolsJson.parseTools(root, ""), Map.of(), toolChoice.get());
            } else if (root != null && root.isObject() && root.has("replies")) {
                imported = ToolsJson.readToolsFile(text).withToolChoice(toolChoice.get());
            } else if (root != null && root.isObject() && root.path("tools").isArray()) {
                String choice = root.path("tool_choice").isTextual() ? root.get("tool_choice").asText() : toolChoice.get();
                imported = new ToolSet(ToolsJson.parseTools(root.get("tools"), "/tools"), Map.of(), choice);
            } else {
                throw new ToolsJson.ToolsFormatException("", "expected a tools array or an object with \"tools\"");
            }
            load(keepHeldSecrets(imported));
            problem = "";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problem = "Not valid JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")";
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        importResult.set(problem.isEmpty() ? "Imported " + entries.size() + " tool" + (entries.size() == 1 ? "." : "s.")
                : problem);
        return problem;
    }

    /** A masked header value (an export read back) keeps the value held for the same server and header. */
    private ToolSet keepHeldSecrets(ToolSet imported) {
        Map<String, String> held = new LinkedHashMap<>();
        entries.stream().filter(e -> !e.isFunction())
                .forEach(e -> e.headers.forEach(h -> held.put(e.name.get() + "\n" + h.name().get(), h.value().get())));
        List<ToolSpec> tools = new ArrayList<>();
        for (ToolSpec t : imported.tools()) {
            if (t.isFunction() || !t.json().contains(ToolsJson.MASK)) {
                tools.add(t);
                continue;
            }
            try {
                var n = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(t.json());
                var headers = (com.fasterxml.jackson.databind.node.ObjectNode) n.path("headers");
                List<String> names = new ArrayList<>();
                headers.fieldNames().forEachRemaining(names::add);
                for (String h : names) {
                    String value = held.get(t.name() + "\n" + h);
                    if (ToolsJson.MASK.equals(headers.path(h).asText()) && value != null) {
                        headers.put(h, value);
                    }
                }
                tools.add(new ToolSpec(t.kind(), t.name(), n.toString()));
            } catch (java.io.IOException | ClassCastException e) {
                tools.add(t);
            }
        }
        return imported.withTools(tools);
    }

    /** The choices for {@code tool_choice}: the basics, then each function and MCP server defined. */
    public List<String> toolChoices() {
        List<String> out = new ArrayList<>(TOOL_CHOICE_BASICS);
        for (ToolEntry e : entries) {
            if (!e.name.get().isBlank()) {
                out.add((e.isFunction() ? "function:" : "mcp:") + e.name.get().trim());
            }
        }
        return out;
    }

    public ObservableList<ToolEntry> entries() {
        return entries;
    }

    public ObjectProperty<ToolEntry> selectedProperty() {
        return selected;
    }

    /** Empty = not sent; none, auto, required, function:NAME, mcp:LABEL[:TOOL]. */
    public StringProperty toolChoiceProperty() {
        return toolChoice;
    }

    /** Every problem, one per line, each naming its JSON pointer where it has one. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    public ReadOnlyStringProperty importResultProperty() {
        return importResult;
    }

    /** One line for the Answer panel: "lookup_order(), billing (MCP)". */
    public static String summary(ToolSet set) {
        if (set == null || set.tools().isEmpty()) {
            return "No tools";
        }
        List<String> names = new ArrayList<>();
        for (ToolSpec t : set.tools()) {
            names.add(t.isFunction() ? t.name() + "()" : t.name() + " (MCP)");
        }
        return String.join(", ", names) + (set.toolChoice().isEmpty() ? "" : " · tool_choice " + set.toolChoice());
    }

}
