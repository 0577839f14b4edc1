package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.config.ToolsJson;
import dev.switchboard.monitor.ToolAutoReply;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The function-call and MCP flow on the real backend against the simulator: what the simulator receives when a
 * person answers, when a canned or an error reply answers after N ms, for parallel calls, and for approvals.
 */
class ToolFlowTest {

    static final String LOOKUP = "[{\"type\":\"function\",\"name\":\"lookup_order\",\"parameters\":{\"type\":\"object\"}}]";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    SwitchboardRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of(),
                dataDir);
        runtime = SwitchboardRuntime.start(config, 4, SavedSettings.fileFor(config), Set.of());
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private Call acceptedCall(Scenario scenario, Map<String, ToolReply> replies) throws Exception {
        String id = runtime.service().ringDemoCall(scenario.ordinal()).get(30, TimeUnit.SECONDS);
        Call call = runtime.calls().whenAdded(id).get(30, TimeUnit.SECONDS);
        AcceptSettings settings = AcceptSettings.defaults().withGreeting("")
                .withTools(new ToolSet(ToolsJson.parseToolsText(LOOKUP), replies, ""));
        runtime.backend().actions().accept(call, settings).get(30, TimeUnit.SECONDS);
        return call;
    }

    private List<ToolCall> waitForWaiting(Call call, int count) {
        waitUntil(() -> call.tools().waiting().size() == count, Duration.ofSeconds(40));
        return call.tools().waiting();
    }

    private List<JsonNode> clientEvents(Call call) {
        SimCall sim = runtime.simulator().orElseThrow().call(call.id()).orElseThrow();
        return sim.clientMessages().stream().map(m -> {
            try {
                return JSON.readTree(m);
            } catch (Exception e) {
                return JSON.createObjectNode();
            }
        }).toList();
    }

    private List<JsonNode> afterFirstOutput(Call call) {
        List<JsonNode> events = clientEvents(call);
        int first = 0;
        while (first < events.size() && !events.get(first).at("/item/type").asText().equals("function_call_output")) {
            first++;
        }
        return events.subList(first, events.size());
    }

    @Test
    void answeredByHandTheSimulatorGetsTheExactOutputThenResponseCreateAndASecondAnswerIsRefused() throws Exception {
        Call call = acceptedCall(Scenario.TOOL_CALL, Map.of());
        ToolCall waiting = waitForWaiting(call, 1).get(0);
        assertEquals("lookup_order", waiting.name());
        assertEquals("{\"order_id\":\"4517\"}", waiting.arguments());
        String output = "{\"status\":\"shipped\",\"eta\":\"Thursday\"}";
        runtime.backend().actions().answerTool(call, waiting.id(), output).get(10, TimeUnit.SECONDS);
        try {
            waitUntil(() -> afterFirstOutput(call).size() >= 2, Duration.ofSeconds(20));
        } catch (AssertionError e) {
            throw new AssertionError(clientEvents(call) + " / " + call.tools().list() + " speaking "
                    + call.isSpeaking(dev.switchboard.call.Speaker.AGENT), e);
        }
        List<JsonNode> sent = afterFirstOutput(call);
        assertEquals(JSON.readTree("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"" + waiting.id() + "\",\"output\":" + JSON.writeValueAsString(output) + "}}"), sent.get(0));
        assertEquals(JSON.readTree("{\"type\":\"response.create\"}"), sent.get(1));
        CompletionException twice = assertThrows(CompletionException.class,
                () -> runtime.backend().actions().answerTool(call, waiting.id(), "{}").join());
        assertTrue(twice.getCause().getMessage().contains("answered already"), twice.getMessage());
        waitUntil(() -> call.transcript().stream().anyMatch(e -> e.text().contains("shipped with UPS")),
                Duration.ofSeconds(30));
    }

    @Test
    void aCannedReplyGoesOutAfterItsDelay() throws Exception {
        Call call = acceptedCall(Scenario.TOOL_CALL, Map.of("lookup_order", ToolReply.canned("{\"status\":\"late\"}", 700)));
        waitUntil(() -> call.tools().list().stream().anyMatch(t -> t.status() == ToolCall.Status.ANSWERED),
                Duration.ofSeconds(40));
        ToolCall answered = call.tools().list().get(0);
        assertEquals("{\"status\":\"late\"}", answered.output());
        assertEquals("canned reply after 700 ms", answered.detail());
        assertTrue(answered.waited(answered.doneAt()).toMillis() >= 700, answered.toString());
        waitUntil(() -> afterFirstOutput(call).size() >= 2, Duration.ofSeconds(20));
        assertEquals("{\"status\":\"late\"}", afterFirstOutput(call).get(0).at("/item/output").asText());
        assertEquals("response.create", afterFirstOutput(call).get(1).path("type").asText());
    }

    @Test
    void anErrorReplySendsTheErrorObjectAndTheAgentApologises() throws Exception {
        Call call = acceptedCall(Scenario.TOOL_CALL, Map.of("lookup_order", ToolReply.error("order system down", 100)));
        waitUntil(() -> afterFirstOutput(call).size() >= 2, Duration.ofSeconds(40));
        assertEquals("{\"error\":\"order system down\"}", afterFirstOutput(call).get(0).at("/item/output").asText());
        waitUntil(() -> call.transcript().stream().anyMatch(e -> e.text().contains("can't reach the order system")),
                Duration.ofSeconds(30));
    }

    private long outputsAtTheSimulator(Call call) {
        return clientEvents(call).stream().filter(e -> e.at("/item/type").asText().equals("function_call_output")).count();
    }

    @Test
    void onATeamHubWhatAPersonWouldAnswerWaitsForADeskThenIsAnsweredOnce() throws Exception {
        runtime.monitor().setToolAutoReply(new ToolAutoReply(true, Optional.of(false), 1200));
        Call call = acceptedCall(Scenario.PARALLEL_TOOLS, Map.of());
        List<ToolCall> both = waitForWaiting(call, 2);
        // a desk answers the first one in time; nobody answers the second
        runtime.backend().actions().answerTool(call, both.get(0).id(), "{\"eta\":\"Thursday\"}").get(10, TimeUnit.SECONDS);
        waitUntil(() -> call.tools().get(both.get(1).id()).map(t -> t.status() == ToolCall.Status.ANSWERED)
                .orElse(false), Duration.ofSeconds(20));
        ToolCall byHub = call.tools().get(both.get(1).id()).orElseThrow();
        assertEquals("no reply configured, no desk answered in 1200 ms", byHub.detail());
        assertTrue(byHub.waited(byHub.doneAt()).toMillis() >= 1200, byHub.toString());
        // the first one's automatic answer was due no later than the second's (one timer thread, in order): it stood down
        assertEquals("by hand", call.tools().get(both.get(0).id()).orElseThrow().detail());
        // the simulator may read the second output a moment after the hub marked it answered
        waitUntil(() -> outputsAtTheSimulator(call) >= 2, Duration.ofSeconds(10));
        assertEquals(2, outputsAtTheSimulator(call), "each function call answered once");
        assertTrue(call.lastActionResult() == null || !call.lastActionResult().contains("failed"), call.lastActionResult());
    }

    @Test
    void parallelCallsEachWaitAndOneResponseCreateFollowsTheLastOutput() throws Exception {
        Call call = acceptedCall(Scenario.PARALLEL_TOOLS, Map.of());
        List<ToolCall> both = waitForWaiting(call, 2);
        runtime.backend().actions().answerTool(call, both.get(0).id(), "{\"eta\":\"Thursday\"}").get(10, TimeUnit.SECONDS);
        runtime.backend().actions().answerTool(call, both.get(1).id(), "{\"eta\":\"tomorrow\"}").get(10, TimeUnit.SECONDS);
        waitUntil(() -> afterFirstOutput(call).size() >= 3, Duration.ofSeconds(20));
        List<String> types = afterFirstOutput(call).stream()
                .map(e -> e.path("type").asText() + ":" + e.at("/item/call_id").asText()).toList();
        assertEquals(List.of("conversation.item.create:" + both.get(0).id(), "conversation.item.create:" + both.get(1).id(),
                "response.create:"), types.subList(0, 3));
        waitUntil(() -> call.transcript().stream().anyMatch(e -> e.text().contains("4518 ships tomorrow")),
                Duration.ofSeconds(30));
    }

    @Test
    void mcpApproveAndDeny() throws Exception {
        for (boolean approve : new boolean[] {true, false}) {
            Call call = acceptedCall(Scenario.MCP_APPROVAL, Map.of());
            ToolCall request = waitForWaiting(call, 1).get(0);
            assertEquals(ToolCall.Kind.MCP_APPROVAL, request.kind());
            assertEquals("billing", request.serverLabel());
            assertTrue(call.tools().list().stream().anyMatch(t -> t.kind() == ToolCall.Kind.MCP_LIST_TOOLS
                    && t.listed().contains("issue_refund")), "the listed tools are shown");
            runtime.backend().actions().decideApproval(call, request.id(), approve).get(10, TimeUnit.SECONDS);
            waitUntil(() -> clientEvents(call).stream().anyMatch(e -> e.at("/item/type").asText()
                    .equals("mcp_approval_response")), Duration.ofSeconds(10));
            JsonNode sent = clientEvents(call).stream().filter(e -> e.at("/item/type").asText()
                    .equals("mcp_approval_response")).findFirst().orElseThrow();
            assertEquals(request.id(), sent.at("/item/approval_request_id").asText());
            assertEquals(approve, sent.at("/item/approve").asBoolean());
            if (approve) {
                waitUntil(() -> call.tools().list().stream().anyMatch(t -> t.kind() == ToolCall.Kind.MCP_CALL
                        && t.status() == ToolCall.Status.COMPLETED && t.output().contains("rf_4517")), Duration.ofSeconds(30));
            } else {
                waitUntil(() -> call.transcript().stream().anyMatch(e -> e.text().contains("not allowed")),
                        Duration.ofSeconds(30));
            }
            assertThrows(CompletionException.class,
                    () -> runtime.backend().actions().decideApproval(call, request.id(), !approve).join());
        }
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
