package dev.switchboard.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.ToolCalls;
import dev.switchboard.openai.ServerEvent;
import java.util.ArrayList;
import java.util.List;

/** Applies function-call streaming and MCP events to a call's {@link ToolCalls}. */
final class ToolEventApplier {

    private ToolEventApplier() {
    }

    static void apply(ToolCalls tools, ServerEvent.ToolEvent event) {
        JsonNode e = event.json();
        String type = event.type();
        switch (type) {
            case "response.function_call_arguments.delta" ->
                    tools.functionArguments(text(e, "item_id"), text(e, "call_id"), null, text(e, "delta"));
            case "response.output_item.added", "response.output_item.done", "conversation.item.added",
                 "conversation.item.done", "conversation.item.created" -> item(tools, e.path("item"));
            case "mcp_list_tools.in_progress" -> tools.mcpListTools(text(e, "item_id"), null, ToolCall.Status.RUNNING,
                    null, null);
            case "mcp_list_tools.completed" -> tools.mcpListTools(text(e, "item_id"), null, ToolCall.Status.COMPLETED,
                    null, null);
            case "mcp_list_tools.failed" -> tools.mcpListTools(text(e, "item_id"), null, ToolCall.Status.FAILED, null,
                    "the MCP server's tools could not be listed");
            case "response.mcp_call_arguments.delta" -> {
                String itemId = text(e, "item_id");
                String sofar = tools.get(itemId).map(ToolCall::arguments).orElse("");
                tools.mcpCall(itemId, null, null, sofar + nz(text(e, "delta")), null, null, null);
            }
            case "response.mcp_call_arguments.done" ->
                    tools.mcpCall(text(e, "item_id"), null, null, text(e, "arguments"), null, null, null);
            case "response.mcp_call.in_progress" ->
                    tools.mcpCall(text(e, "item_id"), null, null, null, ToolCall.Status.RUNNING, null, null);
            case "response.mcp_call.completed" ->
                    tools.mcpCall(text(e, "item_id"), null, null, null, ToolCall.Status.COMPLETED, null, null);
            case "response.mcp_call.failed" ->
                    tools.mcpCall(text(e, "item_id"), null, null, null, ToolCall.Status.FAILED, null, "the MCP call failed");
            default -> {
                // nothing else is a tool event
            }
        }
    }

    private static void item(ToolCalls tools, JsonNode item) {
        String id = text(item, "id");
        if (id == null) {
            return;
        }
        switch (nz(text(item, "type"))) {
            case "function_call" -> {
                if (text(item, "call_id") != null && "in_progress".equals(text(item, "status"))) {
                    tools.functionArguments(id, text(item, "call_id"), text(item, "name"), "");
                }
            }
            case "mcp_approval_request" -> tools.mcpApprovalRequest(id, text(item, "server_label"), text(item, "name"),
                    text(item, "arguments"));
            case "mcp_list_tools" -> {
                List<String> names = new ArrayList<>();
                item.path("tools").forEach(t -> names.add(t.path("name").asText()));
                tools.mcpListTools(id, text(item, "server_label"), null, names, null);
            }
            case "mcp_call" -> {
                JsonNode error = item.path("error");
                String failure = error.isObject() ? nz(text(error, "type")) + ": " + nz(text(error, "message")) : null;
                tools.mcpCall(id, text(item, "server_label"), text(item, "name"), text(item, "arguments"),
                        failure != null ? ToolCall.Status.FAILED : null, text(item, "output"), failure);
            }
            default -> {
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
