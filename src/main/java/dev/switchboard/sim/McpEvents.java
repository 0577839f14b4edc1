package dev.switchboard.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.ScriptPlayer.Beat;
import dev.switchboard.sim.Step.AgentAsksApproval;
import java.util.ArrayList;
import java.util.List;

/** The MCP part of the event stream (PROTOCOL.md §5): tools listing, approval request, the server-run call. */
final class McpEvents {

    private McpEvents() {
    }

    static List<ObjectNode> listTools(ServerEventFactory events, String itemId, String serverLabel, List<String> tools) {
        ObjectNode item = item(itemId, "mcp_list_tools").put("server_label", serverLabel);
        ArrayNode list = item.putArray("tools");
        tools.forEach(t -> list.addObject().put("name", t).putObject("input_schema").put("type", "object"));
        List<ObjectNode> out = new ArrayList<>();
        out.add(events.itemEvent("conversation.item.added", events.lastItemId(), item));
        out.add(events.event("mcp_list_tools.in_progress").put("item_id", itemId));
        out.add(events.event("mcp_list_tools.completed").put("item_id", itemId));
        out.add(events.itemEvent("conversation.item.done", events.lastItemId(), item));
        events.appended(itemId);
        return out;
    }

    static List<ObjectNode> approvalRequest(ServerEventFactory events, String itemId, AgentAsksApproval step) {
        ObjectNode item = item(itemId, "mcp_approval_request").put("server_label", step.serverLabel())
                .put("name", step.tool()).put("arguments", step.argumentsJson());
        List<ObjectNode> out = List.of(events.itemEvent("conversation.item.added", events.lastItemId(), item),
                events.itemEvent("conversation.item.done", events.lastItemId(), item));
        events.appended(itemId);
        return out;
    }

    /** After an approval: the server calls the MCP tool in a response of its own, then the agent answers. */
    static List<Beat> callBeats(ServerEventFactory events, ScriptPlayer.Stage stage, AgentAsksApproval step,
                                String requestId) {
        String responseId = Ids.response();
        String itemId = Ids.item();
        List<Beat> out = new ArrayList<>();
        out.add(new Beat(ScriptPlayer.MODEL_LATENCY_MS, () -> {
            ObjectNode item = call(itemId, step, requestId, null);
            stage.send(events.outputItem("response.output_item.added", responseId, 0, item));
            stage.send(events.itemEvent("conversation.item.added", events.lastItemId(), item));
            events.appended(itemId);
            stage.send(events.event("response.mcp_call_arguments.delta").put("response_id", responseId)
                    .put("item_id", itemId).put("output_index", 0).put("delta", step.argumentsJson()));
            stage.send(events.event("response.mcp_call_arguments.done").put("response_id", responseId)
                    .put("item_id", itemId).put("output_index", 0).put("arguments", step.argumentsJson()));
            stage.send(events.event("response.mcp_call.in_progress").put("item_id", itemId).put("output_index", 0));
        }, null));
        out.add(new Beat(ScriptPlayer.TOOL_RUN_MS, () -> {
            ObjectNode item = call(itemId, step, requestId, step.output());
            stage.send(events.event("response.mcp_call.completed").put("item_id", itemId).put("output_index", 0));
            stage.send(events.outputItem("response.output_item.done", responseId, 0, item));
            stage.send(events.itemEvent("conversation.item.done", null, item));
            events.countInputText(step.output());
        }, null));
        return out;
    }

    private static ObjectNode call(String itemId, AgentAsksApproval step, String requestId, String output) {
        ObjectNode item = item(itemId, "mcp_call").put("server_label", step.serverLabel()).put("name", step.tool())
                .put("arguments", step.argumentsJson()).put("approval_request_id", requestId);
        if (output == null) {
            item.putNull("output");
        } else {
            item.put("output", output);
        }
        item.putNull("error");
        return item;
    }

    private static ObjectNode item(String itemId, String type) {
        ObjectNode item = Json.MAPPER.createObjectNode();
        item.put("id", itemId).put("object", "realtime.item").put("type", type);
        return item;
    }
}
