package dev.switchboard.call;

import java.util.Objects;

/**
 * One tool the agent may use, kept in the API's own form: {@code json} is the tool object exactly as it is sent
 * in the session's {@code tools} (so nothing is added or dropped on the way), {@code name} is the function's name
 * or the MCP server's {@code server_label}.
 */
public record ToolSpec(Kind kind, String name, String json) {

    public enum Kind { FUNCTION, MCP }

    public ToolSpec {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        json = json == null ? "{}" : json;
    }

    public boolean isFunction() {
        return kind == Kind.FUNCTION;
    }
}
