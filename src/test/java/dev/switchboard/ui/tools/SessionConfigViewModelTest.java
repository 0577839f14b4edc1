package dev.switchboard.ui.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.SessionConfig;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.ui.accept.AcceptViewModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The advanced fields write the draft's session config, unset fields stay unset, bad text disables Accept. */
class SessionConfigViewModelTest {

    final AcceptViewModel accept = new AcceptViewModel(AcceptSettings.defaults());
    final SessionConfigViewModel model = new SessionConfigViewModel(accept.sessionProperty(), accept.inputProblemsProperty());

    @Test
    void untouchedFieldsSendNothing() {
        assertEquals(SessionConfig.NONE, accept.settings().session());
        assertEquals("API defaults", model.summaryProperty().get());
    }

    @Test
    void typedFieldsLandInTheDraft() {
        accept.turnDetectionProperty().set(TurnDetection.SERVER_VAD);
        model.speedProperty().set("1.2");
        model.noiseReductionProperty().set("far_field");
        model.vadThresholdProperty().set("0.6");
        model.idleTimeoutMsProperty().set("8000");
        model.interruptResponseProperty().set("off");
        model.tracingProperty().set("workflow");
        model.workflowNameProperty().set("support");
        model.promptIdProperty().set("pmpt_1");
        model.promptVariablesProperty().set("city=Paris\nname = Dana");
        SessionConfig s = accept.settings().session();
        assertEquals(1.2, s.speed());
        assertEquals("far_field", s.noiseReduction());
        assertEquals(0.6, s.vadThreshold());
        assertEquals(8000, s.idleTimeoutMs());
        assertEquals(Boolean.FALSE, s.interruptResponse());
        assertEquals(null, s.createResponse());
        assertEquals("workflow", s.tracing());
        assertEquals(Map.of("city", "Paris", "name", "Dana"), s.promptVariables());
        assertEquals("Select a ringing call.", accept.disabledReasonProperty().get(), "valid: only the target is missing");
        assertEquals("9 fields set", model.summaryProperty().get());
    }

    @Test
    void unreadableOrOutOfRangeValuesDisableAcceptWithTheReason() {
        model.speedProperty().set("fast");
        assertTrue(accept.isAcceptDisabled());
        assertEquals("Speed 'fast' is not a number.", accept.problemsProperty().get());
        model.speedProperty().set("3");
        assertEquals("Speed must be between 0.25 and 1.5.", accept.problemsProperty().get());
        model.speedProperty().set("");
        model.eagernessProperty().set("high");
        accept.turnDetectionProperty().set(TurnDetection.SERVER_VAD);
        assertEquals("Eagerness needs semantic_vad turn detection.", accept.problemsProperty().get());
        accept.turnDetectionProperty().set(TurnDetection.SEMANTIC_VAD);
        assertEquals("", accept.problemsProperty().get());
    }

    @Test
    void loadingSettingsRefillsTheFields() {
        SessionConfig.Builder b = new SessionConfig.Builder();
        b.maxOutputTokens = "inf";
        b.reasoningEffort = "low";
        accept.load(AcceptSettings.defaults().withSession(b.build()));
        assertEquals("inf", model.maxOutputTokensProperty().get());
        assertEquals("low", model.reasoningEffortProperty().get());
        assertEquals(SessionConfigViewModel.OFF, model.tracingProperty().get());
        accept.load(AcceptSettings.defaults());
        assertEquals("", model.maxOutputTokensProperty().get());
        assertEquals(SessionConfigViewModel.DEFAULT, model.reasoningEffortProperty().get());
    }
}
