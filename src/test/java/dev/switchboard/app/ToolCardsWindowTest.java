package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.Call;
import dev.switchboard.call.ToolCall;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimCall;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.WindowHarness;
import dev.switchboard.ui.main.SwitchboardWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Tools in the window on the real backend in demo mode: the tools are set in the tools editor, the call is
 * accepted from the Answer panel, and each tool call is answered from its card in the transcript; the simulator
 * records what arrives. Speed 1: the simulator waits 15 s for an output, room for the 5 s silence warning.
 */
@ExtendWith(WindowHarness.class)
class ToolCardsWindowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LOOKUP = "[{\"type\":\"function\",\"name\":\"lookup_order\",\"parameters\":{\"type\":\"object\"}}]";

    @TempDir
    Path dataDir;
    private SwitchboardRuntime runtime;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dataDir.toString()}, Map.of(),
                dataDir);
        runtime = SwitchboardRuntime.start(config, 1, SavedSettings.fileFor(config), Set.of());
        SwitchboardWindow.show(stage, runtime.backend(), UiDispatcher.fx());
        scene = stage.getScene();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    /** Opens Tools…, imports the JSON on the JSON tab, lets {@code edit} touch the form, presses OK. */
    private void useTools(FxRobot robot, String json, Runnable edit) throws Exception {
        robot.clickOn("#editToolsButton");
        WindowHarness.waitUntil(() -> robot.lookup("#toolsEditor").tryQuery().isPresent());
        robot.clickOn("JSON (API form)");
        robot.interact(() -> robot.lookup("#toolsJson").queryAs(TextArea.class).setText(json));
        robot.clickOn("#importToolsJson");
        WindowHarness.waitUntil(() -> robot.lookup("#toolsImportResult").queryAs(Label.class).getText().startsWith("Imported"));
        robot.clickOn("Tools");
        robot.interact(edit);
        robot.clickOn("#toolsOk");
        WindowHarness.waitUntil(() -> robot.lookup("#toolsEditor").tryQuery().isEmpty());
    }

    private Call ringAndAccept(FxRobot robot, Scenario scenario, String toolsJson, Runnable edit) throws Exception {
        String id = runtime.service().ringDemoCall(scenario.ordinal()).get(30, TimeUnit.SECONDS);
        Call call = runtime.calls().whenAdded(id).get(30, TimeUnit.SECONDS);
        WindowHarness.waitUntil(() -> scene.lookup("#acceptButton") != null && scene.lookup("#acceptButton").isVisible()
                && !scene.lookup("#acceptButton").isDisabled());
        useTools(robot, toolsJson, edit);
        assertEquals("lookup_order()", robot.lookup("#toolsSummary").queryAs(Label.class).getText());
        robot.clickOn("#acceptButton");
        WindowHarness.waitUntil(() -> sim(call).acceptBody().isPresent());
        assertEquals(JSON.readTree(LOOKUP), JSON.readTree(sim(call).acceptBody().get()).path("tools"),
                "accepted with exactly the editor's tools");
        return call;
    }

    private SimCall sim(Call call) {
        return runtime.simulator().orElseThrow().call(call.id()).orElseThrow();
    }

    private List<JsonNode> sentFromFirstToolAnswer(Call call) {
        List<JsonNode> events = sim(call).clientMessages().stream().map(m -> {
            try {
                return JSON.readTree(m);
            } catch (Exception e) {
                return (JsonNode) JSON.createObjectNode();
            }
        }).toList();
        int first = 0;
        while (first < events.size() && !events.get(first).at("/item/type").asText().matches("function_call_output|mcp_approval_response")) {
            first++;
        }
        return events.subList(first, events.size());
    }

    private List<ToolCall> waitForWaiting(Call call, int count) throws Exception {
        WindowHarness.waitUntil(() -> call.tools().waiting().size() == count
                && call.tools().waiting().stream().allMatch(t -> card(t.id()) != null));
        return call.tools().waiting();
    }

    private Node card(String toolCallId) {
        return scene.lookup("#toolCard-" + toolCallId);
    }

    private Node inCard(String toolCallId, String id) {
        return card(toolCallId).lookup(id);
    }

    private void click(FxRobot robot, String toolCallId, String id) {
        robot.clickOn(inCard(toolCallId, id));
    }

    @Test
    void answeredByHandFromTheCardAfterTheSilenceWarning(FxRobot robot) throws Exception {
        Call call = ringAndAccept(robot, Scenario.TOOL_CALL, LOOKUP, () -> robot.lookup("#toolReplyOutput")
                .queryAs(TextArea.class).setText("{\"status\":\"shipped\"}"));
        ToolCall waiting = waitForWaiting(call, 1).get(0);
        WindowHarness.waitUntil(() -> ((Label) inCard(waiting.id(), "#toolArguments")).getText().contains("\"4517\""));
        assertEquals("{\"status\":\"shipped\"}", ((TextArea) inCard(waiting.id(), "#toolOutput")).getText(),
                "prefilled with the canned reply");
        WindowHarness.waitUntil(() -> card(waiting.id()).getStyleClass().contains("waiting-too-long"));
        assertTrue(((Label) inCard(waiting.id(), "#toolWaiting")).getText().startsWith("Caller waiting in silence: "));

        String output = "{\"status\":\"shipped\",\"eta\":\"Thursday\"}";
        robot.interact(() -> ((TextArea) inCard(waiting.id(), "#toolOutput")).setText(output));
        click(robot, waiting.id(), "#toolSend");
        WindowHarness.waitUntil(() -> sentFromFirstToolAnswer(call).size() >= 2);
        List<JsonNode> sent = sentFromFirstToolAnswer(call);
        assertEquals(JSON.readTree("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\","
                + "\"call_id\":\"" + waiting.id() + "\",\"output\":" + JSON.writeValueAsString(output) + "}}"), sent.get(0));
        assertEquals(JSON.readTree("{\"type\":\"response.create\"}"), sent.get(1));
        WindowHarness.waitUntil(() -> ((Label) inCard(waiting.id(), "#toolResult")).getText().equals("Sent.")
                && inCard(waiting.id(), "#toolSend").isDisabled()
                && !card(waiting.id()).getStyleClass().contains("waiting-too-long"));
    }

    @Test
    void aCannedReplyGoesOutOnItsOwnAfterItsDelay(FxRobot robot) throws Exception {
        Call call = ringAndAccept(robot, Scenario.TOOL_CALL,
                "{\"tools\":" + LOOKUP + ",\"replies\":{\"lookup_order\":{\"status\":\"late\"}}}",
                () -> robot.lookup("#toolReplyDelay").queryAs(TextField.class).setText("400"));
        WindowHarness.waitUntil(() -> sentFromFirstToolAnswer(call).size() >= 2);
        assertEquals("{\"status\":\"late\"}", sentFromFirstToolAnswer(call).get(0).at("/item/output").asText());
        assertEquals("response.create", sentFromFirstToolAnswer(call).get(1).path("type").asText());
        ToolCall answered = call.tools().list().get(0);
        assertTrue(answered.waited(answered.doneAt()).toMillis() >= 400, answered.toString());
        WindowHarness.waitUntil(() -> card(answered.id()) != null
                && robot.from(card(answered.id())).lookup(".tool-card-status").queryAs(Label.class).getText()
                        .equals("answered · canned reply after 400 ms"));
        assertTrue(inCard(answered.id(), "#toolSend").isDisabled());
    }

    @Test
    void parallelCallsEachGetACardAndOneIsAnsweredAsAnError(FxRobot robot) throws Exception {
        Call call = ringAndAccept(robot, Scenario.PARALLEL_TOOLS, LOOKUP, () -> { });
        List<ToolCall> both = waitForWaiting(call, 2);
        robot.interact(() -> ((TextArea) inCard(both.get(0).id(), "#toolOutput")).setText("{\"eta\":\"Thursday\"}"));
        click(robot, both.get(0).id(), "#toolSend");
        robot.interact(() -> ((TextArea) inCard(both.get(1).id(), "#toolOutput")).setText("order system down"));
        click(robot, both.get(1).id(), "#toolSendError");
        WindowHarness.waitUntil(() -> sentFromFirstToolAnswer(call).size() >= 3);
        List<JsonNode> sent = sentFromFirstToolAnswer(call);
        assertEquals(both.get(0).id(), sent.get(0).at("/item/call_id").asText());
        assertEquals("{\"eta\":\"Thursday\"}", sent.get(0).at("/item/output").asText());
        assertEquals(both.get(1).id(), sent.get(1).at("/item/call_id").asText());
        assertEquals("{\"error\":\"order system down\"}", sent.get(1).at("/item/output").asText());
        assertEquals("response.create", sent.get(2).path("type").asText());
        assertEquals(1, sent.stream().filter(e -> e.path("type").asText().equals("response.create")).count(),
                "one response.create after the last output");
        WindowHarness.waitUntil(() -> ((Label) inCard(both.get(1).id(), "#toolResult")).getText().equals("Sent as an error."));
    }

    @Test
    void mcpApproveAndDenyFromTheCard(FxRobot robot) throws Exception {
        for (boolean approve : new boolean[] {true, false}) {
            Call call = ringAndAccept(robot, Scenario.MCP_APPROVAL, LOOKUP, () -> { });
            ToolCall request = waitForWaiting(call, 1).get(0);
            assertEquals("Approve billing.issue_refund?",
                    robot.from(card(request.id())).lookup(".tool-card-title").queryAs(Label.class).getText());
            WindowHarness.waitUntil(() -> scene.lookup(".tool-card.mcp-list-tools") != null && robot
                    .from(scene.lookup(".tool-card.mcp-list-tools")).lookup("#toolDetails").queryAs(Label.class)
                    .getText().contains("issue_refund"));
            click(robot, request.id(), approve ? "#toolApprove" : "#toolDeny");
            WindowHarness.waitUntil(() -> !sentFromFirstToolAnswer(call).isEmpty());
            JsonNode sent = sentFromFirstToolAnswer(call).get(0);
            assertEquals(request.id(), sent.at("/item/approval_request_id").asText());
            assertEquals(approve, sent.at("/item/approve").asBoolean());
            WindowHarness.waitUntil(() -> inCard(request.id(), "#toolApprove").isDisabled()
                    && ((Label) inCard(request.id(), "#toolResult")).getText().equals(approve ? "Approved." : "Denied."));
            if (approve) {
                WindowHarness.waitUntil(() -> scene.lookup(".tool-card.mcp-call") != null && robot
                        .from(scene.lookup(".tool-card.mcp-call")).lookup("#toolDetails").queryAs(Label.class)
                        .getText().matches("(?s).*rf_4517.*took \\d+\\.\\d s"));
                assertTrue(robot.from(scene.lookup(".tool-card.mcp-call")).lookup("#toolArguments")
                        .queryAs(Label.class).getText().contains("damaged"));
            }
            robot.clickOn("#hangupButton");
            WindowHarness.waitUntil(() -> call.state().isTerminal());
        }
        assertFalse(robot.lookup(".tool-card").queryAll().isEmpty());
    }

}
