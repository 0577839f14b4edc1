package dev.switchboard.ui.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The stage's badges from a call's turn log, without the toolkit. */
class StageViewModelTest {

    private final TestClock clock = new TestClock();

    private Call answeredCall() {
        Call call = new Call("rtc_stage", List.of(new SipHeader("From", "<sip:+15557654321@pstn.twilio.com>;tag=1"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>")), clock);
        call.useSettings(AcceptSettings.defaults());
        call.moveTo(CallState.ACTIVE, "");
        call.mark(Milestone.ACCEPT_ANSWERED);
        return call;
    }

    @Test
    void badgesReadTheTurnLogAndMaskTheCaller() {
        Call call = answeredCall();
        StageViewModel stage = new StageViewModel(new PresenterMode(true));
        stage.show(new CallRowViewModel(call));
        assertEquals(StageViewModel.NONE, stage.greetingProperty().get());
        assertEquals(StageViewModel.NONE, stage.costProperty().get());

        StageFixtures.instrument(call, clock);
        call.speaking(Speaker.AGENT, true);
        stage.refresh();
        assertEquals("0.84 s", stage.greetingProperty().get());
        assertEquals("0.62 s", stage.turnLatencyProperty().get());
        assertTrue(stage.costProperty().get().matches("\\$0\\.\\d{3}"), stage.costProperty().get());
        assertTrue(stage.agentSpeakingProperty().get());
        assertFalse(stage.callerSpeakingProperty().get());
        assertFalse(stage.callerProperty().get().contains("7654321"), "masked: " + stage.callerProperty().get());
        assertTrue(stage.callerProperty().get().endsWith("4321"));
        assertTrue(stage.agentProperty().get().contains(AcceptSettings.defaults().voice()));

        stage.show(null);
        assertEquals("", stage.callerProperty().get());
        assertEquals(StageViewModel.NONE, stage.turnLatencyProperty().get());
    }

    @Test
    void formats() {
        assertEquals("12.3 s", StageViewModel.latency(Optional.of(Duration.ofMillis(12_340))));
        assertEquals(StageViewModel.NONE, StageViewModel.latency(Optional.empty()));
        assertEquals("$1.25", StageViewModel.money(OptionalDouble.of(1.249)));
        assertEquals("$0.004", StageViewModel.money(OptionalDouble.of(0.0042)));
        assertEquals(StageViewModel.NONE, StageViewModel.money(OptionalDouble.empty()));
    }
}
