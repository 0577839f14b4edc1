package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AlertRule;
import dev.switchboard.call.Call;
import dev.switchboard.call.ModelPrice;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.ResponseUsage;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TurnLog;
import dev.switchboard.call.WatchdogLimits;
import dev.switchboard.ui.main.SwitchboardWindow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The latency badge, the waterfall, a barged-in bubble, the alert badge, a caller's speaker tag and the voice lock,
 * on the real window.
 */
@ExtendWith(WindowHarness.class)
class InstrumentationWindowTest {

    private final TestClock clock = new TestClock();
    private FakeBackend backend;

    @Start
    void start(Stage stage) {
        backend = new FakeBackend(clock, true);
        backend.streamAfterAccept = false;
        SwitchboardWindow.show(stage, backend.backend(), UiDispatcher.fx());
    }

    @AfterEach
    void stopBackend() {
        backend.shutdown();
    }

    /** Rings, accepts from the panel and waits until the call is live. */
    private Call liveCall(FxRobot robot) throws Exception {
        Call call = backend.ring();
        WindowHarness.waitUntil(() -> robot.lookup("#acceptButton").tryQuery().isPresent());
        robot.clickOn("#acceptButton");
        WindowHarness.waitUntil(() -> robot.lookup("#steeringPane").tryQuery().map(Node::isVisible).orElse(false));
        call.turns().usePrices(new PriceTable(Map.of("gpt-realtime", new ModelPrice(4, 0.4, 16, 32, 0.4, 64))));
        return call;
    }

    /** The greeting 0.6 s after the answer, then one caller turn answered 0.8 s after the caller stopped. */
    private static void greetAndAnswerOnce(Call call, TestClock clock) {
        TurnLog turns = call.turns();
        clock.advanceMillis(600);
        turns.responseCreated("r0");
        agentSays(call, "r0", "a0", "Thanks for calling!");
        turns.responseDone("r0", "completed", null, new ResponseUsage(100, 0, 0, 0, 10, 40));
        clock.advanceMillis(1_000);
        turns.callerSpeechStarted("c1");
        call.itemAdded("c1", Speaker.CALLER, "a0");
        clock.advanceMillis(2_000);
        turns.callerSpeechStopped("c1");
        call.completeUtterance("c1", Speaker.CALLER, "Where is my parcel?");
        clock.advanceMillis(300);
        turns.responseCreated("r1");
        clock.advanceMillis(500);
        turns.audioStarted("r1");
        agentSays(call, "r1", "a1", "It arrives tomorrow.");
        clock.advanceMillis(1_500);
        turns.audioStopped("r1");
        turns.responseDone("r1", "completed", null, new ResponseUsage(200, 100, 300, 0, 20, 80));
    }

    private static void agentSays(Call call, String responseId, String itemId, String text) {
        call.itemAdded(itemId, Speaker.AGENT, null);
        call.turns().agentOutput(responseId, itemId);
        call.appendDelta(itemId, Speaker.AGENT, text);
        call.completeUtterance(itemId, Speaker.AGENT, text);
    }

    @Test
    void eachAnswerHasALatencyBadgeAndTheWaterfallHasABarPerTurn(FxRobot robot) throws Exception {
        Call call = liveCall(robot);
        greetAndAnswerOnce(call, clock);

        WindowHarness.waitUntil(() -> robot.lookup(".latency-badge").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((Label) n).getText()).toList().equals(List.of("0.6 s", "0.8 s")));
        Label badge = robot.lookup(".latency-badge").queryAll().stream().filter(Node::isVisible)
                .map(n -> (Label) n).filter(l -> l.getText().equals("0.8 s")).findFirst().orElseThrow();
        assertTrue(badge.getTooltip().getText().contains("observed here"), badge.getTooltip().getText());
        WindowHarness.waitUntil(() -> robot.lookup(".greeting-metric").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().equals("greeting 0.6 s")));
        WindowHarness.waitUntil(() -> robot.lookup(".cost-meter").tryQuery().map(n -> ((Label) n).getText())
                .orElse("").startsWith("$0.0"));

        TitledPane latency = robot.lookup("#latencyPane").queryAs(TitledPane.class);
        robot.interact(() -> latency.setExpanded(true));
        WindowHarness.waitUntil(() -> robot.lookup("#waterfallBar1").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        HBox bar = robot.lookup("#waterfallBar1").queryAs(HBox.class);
        double wait = ((Region) bar.getChildren().get(0)).getWidth();
        double speaking = ((Region) bar.getChildren().get(2)).getWidth();
        assertTrue(wait > 0 && speaking > 0, "wait " + wait + ", speaking " + speaking);
        assertEquals(1500.0 / 800, speaking / wait, 0.05, "one time scale for wait and speaking");
        String summary = robot.lookup("#waterfallSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("1 turn · p50 0.8 s · p95 0.8 s · max 0.8 s · greeting 0.6 s"), summary);
    }

    @Test
    void aBargedInBubbleStrikesThroughWhatTheCallerNeverHeard(FxRobot robot) throws Exception {
        Call call = liveCall(robot);
        TurnLog turns = call.turns();
        String text = "Your plan has twenty gigabytes of data and unlimited calls in thirty countries.";
        turns.responseCreated("r0");
        turns.audioStarted("r0");
        agentSays(call, "r0", "a0", text);
        // 40 audio tokens = 2 s of audio; the caller heard the first second
        turns.responseDone("r0", "cancelled", "turn_detected", new ResponseUsage(0, 0, 0, 0, 0, 40));
        turns.callerSpeechStarted("c1");
        turns.itemTruncated("a0", 1_000);

        WindowHarness.waitUntil(() -> robot.lookup(".bubble-unheard").tryQuery()
                .map(n -> !((Text) n).getText().isBlank() && n.isVisible()).orElse(false));
        Text unheard = robot.lookup(".bubble-unheard").queryAs(Text.class);
        Text heard = robot.lookup(".bubble-heard").queryAs(Text.class);
        assertTrue(unheard.isStrikethrough(), "struck through");
        assertFalse(heard.isStrikethrough());
        assertEquals(text, heard.getText() + unheard.getText());
        assertTrue(robot.lookup(".interrupted-chip").tryQuery().map(Node::isVisible).orElse(false));
        assertTrue(robot.lookup(".bubble-status").queryAll().stream().anyMatch(n -> n.isVisible()
                && ((Label) n).getText().equals("response cancelled: turn_detected")));
        assertEquals(1, call.turns().stats().interruptions());
    }

    @Test
    void anAlertRaisesABadgeOnTheCallRowAndALineInTheTranscript(FxRobot robot) throws Exception {
        Call call = liveCall(robot);
        call.alerts().useLimits(WatchdogLimits.DEFAULTS.withRules(List.of(AlertRule.of("lawyer"))));
        assertFalse(robot.lookup("#rowAlertBadge").tryQuery().map(Node::isVisible).orElse(false));
        call.itemAdded("c1", Speaker.CALLER, null);
        call.completeUtterance("c1", Speaker.CALLER, "I will call my lawyer.");
        call.alerts().check();

        WindowHarness.waitUntil(() -> robot.lookup("#rowAlertBadge").tryQuery()
                .map(n -> n.isVisible() && ((Label) n).getText().equals("1")).orElse(false));
        WindowHarness.waitUntil(() -> robot.lookup(".marker.alert").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Alert — keyword: lawyer")).orElse(false));
        assertFalse(robot.lookup(".speaker-tag").queryAll().stream().anyMatch(Node::isVisible), "no label: no tag");

        call.turns().speakerSegment(new dev.switchboard.call.SpeakerSegment("c1", "seg_1", "A", 0, 1.5,
                "I will call my lawyer."));
        WindowHarness.waitUntil(() -> robot.lookup(".speaker-tag").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Label) n).getText().equals("Speaker A")));
    }

    @Test
    void theVoiceLocksOnceTheAgentHasSpoken(FxRobot robot) throws Exception {
        Call call = liveCall(robot);
        ComboBox<?> voice = robot.lookup("#steeringVoice").queryAs(ComboBox.class);
        WindowHarness.waitUntil(() -> !voice.isDisabled());
        assertEquals(Optional.of(false), robot.lookup("#voiceLockedLabel").tryQuery().map(Node::isVisible));

        call.turns().responseCreated("r0");
        call.turns().audioStarted("r0");

        WindowHarness.waitUntil(voice::isDisabled);
        WindowHarness.waitUntil(() -> robot.lookup("#voiceLockedLabel").queryAs(Label.class).isVisible());
    }
}
