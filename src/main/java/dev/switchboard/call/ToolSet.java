package dev.switchboard.call;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tools a session offers, how each function tool's calls are answered, and {@code tool_choice}
 * ({@code ""} = not sent; {@code none|auto|required}; {@code function:NAME}; {@code mcp:LABEL} or
 * {@code mcp:LABEL:TOOL}).
 */
public record ToolSet(List<ToolSpec> tools, Map<String, ToolReply> replies, String toolChoice) {

    public static final ToolSet NONE = new ToolSet(List.of(), Map.of(), "");

    public ToolSet {
        tools = tools == null ? List.of() : List.copyOf(tools);
        replies = replies == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(replies));
        toolChoice = toolChoice == null ? "" : toolChoice.trim();
    }

    public boolean isEmpty() {
        return tools.isEmpty() && replies.isEmpty() && toolChoice.isEmpty();
    }

    public Optional<ToolSpec> function(String name) {
        return tools.stream().filter(t -> t.isFunction() && t.name().equals(name)).findFirst();
    }

    /** The reply configured for a function; by hand (empty prefill) when none is. */
    public ToolReply replyFor(String functionName) {
        return replies.getOrDefault(functionName, ToolReply.byHand(""));
    }

    public ToolSet withTools(List<ToolSpec> value) {
        return new ToolSet(value, replies, toolChoice);
    }

    public ToolSet withReplies(Map<String, ToolReply> value) {
        return new ToolSet(tools, value, toolChoice);
    }

    public ToolSet withToolChoice(String value) {
        return new ToolSet(tools, replies, value);
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ToolSpec t : tools) {
            String what = t.isFunction() ? "Function tool" : "MCP server";
            if (t.name().isBlank()) {
                problems.add(what + " without a name.");
            } else if (t.isFunction() && !t.name().matches("[a-zA-Z0-9_-]{1,64}")) {
                problems.add("Function name '" + t.name() + "' must be 1-64 letters, digits, _ or -.");
            } else if (!names.add(t.kind() + ":" + t.name())) {
                problems.add(what + " '" + t.name() + "' is defined twice.");
            }
        }
        if (!toolChoice.isEmpty() && !List.of("none", "auto", "required").contains(toolChoice)) {
            String[] parts = toolChoice.split(":", 3);
            boolean known = parts.length >= 2 && switch (parts[0]) {
                case "function" -> parts.length == 2 && function(parts[1]).isPresent();
                case "mcp" -> tools.stream().anyMatch(t -> !t.isFunction() && t.name().equals(parts[1]));
                default -> false;
            };
            if (!known) {
                problems.add("Tool choice '" + toolChoice + "' is not none, auto, required or a defined tool "
                        + "(function:NAME, mcp:LABEL[:TOOL]).");
            }
        }
        return problems;
    }
}
