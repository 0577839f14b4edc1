package dev.switchboard.ui.tools;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.SessionConfig;
import dev.switchboard.call.ToolSet;
import dev.switchboard.ui.Widgets;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Tools and the rest of the GA session config for a draft (the Answer panel's, or a profile's): a "Tools…" row
 * opening the {@link ToolsEditorDialog}, and an "Advanced" expander, collapsed by default so the panel stays
 * readable on a small screen. Unset fields are not sent.
 */
public final class AdvancedSettingsPane extends VBox {

    private final TitledPane advanced;

    /**
     * @param session       the draft's session config
     * @param inputProblems the draft's problems the fields cannot express (Accept shows them)
     * @param tools         the draft's tools
     * @param voice         the draft's voice: a custom voice id ({@code voice_…}) is typed here
     */
    public AdvancedSettingsPane(ObjectProperty<SessionConfig> session, StringProperty inputProblems,
                                ObjectProperty<ToolSet> tools, StringProperty voice) {
        super(8);
        setId("advancedSettings");
        getStylesheets().add(ToolCardsView.STYLESHEET);
        SessionConfigViewModel model = new SessionConfigViewModel(session, inputProblems);

        Label toolsSummary = Widgets.label("", Styles.TEXT_SMALL);
        toolsSummary.setId("toolsSummary");
        toolsSummary.textProperty().bind(Bindings.createStringBinding(() -> ToolsEditorViewModel.summary(tools.get()), tools));
        toolsSummary.setWrapText(true);
        toolsSummary.setMinWidth(0);
        Button edit = Widgets.button("Tools…", "fth-tool", Styles.SMALL, Styles.BUTTON_OUTLINED);
        edit.setId("editToolsButton");
        edit.setMinWidth(Button.USE_PREF_SIZE);
        edit.setTooltip(new Tooltip("Function tools, MCP servers, tool_choice and how each call is answered"));
        edit.setOnAction(e -> ToolsEditorDialog.edit(getScene() == null ? null : getScene().getWindow(), tools.get())
                .ifPresent(tools::set));
        HBox toolsRow = new HBox(8, edit, toolsSummary);
        toolsRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(toolsSummary, Priority.ALWAYS);

        TextField customVoice = text(new javafx.beans.property.SimpleStringProperty(), "customVoice", "voice_…");
        Runnable showVoice = () -> {
            String v = voice.get() == null ? "" : voice.get();
            if (!v.equals(customVoice.getText()) && !customVoice.isFocused()) {
                customVoice.setText(v.startsWith(AcceptSettings.CUSTOM_VOICE_PREFIX) ? v : "");
            }
        };
        voice.addListener(o -> showVoice.run());
        showVoice.run();
        customVoice.textProperty().addListener((obs, old, typed) -> {
            if (customVoice.isFocused() || !typed.isEmpty()) {
                voice.set(typed.isBlank() ? "marin" : typed.trim());
            }
        });
        VBox fields = new VBox(8,
                Widgets.field("Custom voice id", customVoice),
                Widgets.fieldRow(Widgets.field("Speed (0.25–1.5)", text(model.speedProperty(), "sessionSpeed", "1.0")),
                        Widgets.field("Noise reduction", choice(model.noiseReductionProperty(), SessionConfigViewModel.NOISE_CHOICES, "sessionNoise")), 1, 1),
                caption("Turn detection (server_vad)"),
                Widgets.fieldRow(Widgets.field("Threshold", text(model.vadThresholdProperty(), "vadThreshold", "0.5")),
                        Widgets.field("Prefix padding ms", text(model.prefixPaddingMsProperty(), "vadPrefixPadding", "300")), 1, 1),
                Widgets.fieldRow(Widgets.field("Silence ms", text(model.silenceDurationMsProperty(), "vadSilence", "500")),
                        Widgets.field("Idle timeout ms", text(model.idleTimeoutMsProperty(), "vadIdleTimeout", "5000–30000")), 1, 1),
                caption("Turn detection (either)"),
                Widgets.fieldRow(Widgets.field("Eagerness (semantic)", choice(model.eagernessProperty(), SessionConfigViewModel.EAGERNESS_CHOICES, "sessionEagerness")),
                        Widgets.field("Create response", choice(model.createResponseProperty(), SessionConfigViewModel.ON_OFF_CHOICES, "sessionCreateResponse")), 1, 1),
                Widgets.fieldRow(Widgets.field("Interrupt response", choice(model.interruptResponseProperty(), SessionConfigViewModel.ON_OFF_CHOICES, "sessionInterruptResponse")),
                        Widgets.field("Reasoning effort", choice(model.reasoningEffortProperty(), SessionConfigViewModel.REASONING_CHOICES, "sessionReasoning")), 1, 1),
                caption("Caller transcription"),
                Widgets.fieldRow(Widgets.field("Language", text(model.transcriptionLanguageProperty(), "transcriptionLanguage", "e.g. en")),
                        Widgets.field("Prompt", text(model.transcriptionPromptProperty(), "transcriptionPrompt", "names, jargon")), 1, 2),
                caption("Output"),
                Widgets.fieldRow(Widgets.field("Max output tokens", text(model.maxOutputTokensProperty(), "maxOutputTokens", "inf or 1–4096")),
                        Widgets.field("Truncation", choice(model.truncationProperty(), SessionConfigViewModel.TRUNCATION_CHOICES, "sessionTruncation")), 1, 1),
                Widgets.fieldRow(Widgets.field("Retention ratio", text(model.retentionRatioProperty(), "retentionRatio", "0–1")),
                        Widgets.field("Tracing", choice(model.tracingProperty(), SessionConfigViewModel.TRACING_CHOICES, "sessionTracing")), 1, 1),
                Widgets.field("Workflow name (tracing by workflow)", text(model.workflowNameProperty(), "workflowName", "")),
                caption("Stored prompt"),
                Widgets.fieldRow(Widgets.field("Prompt id", text(model.promptIdProperty(), "promptId", "pmpt_…")),
                        Widgets.field("Version", text(model.promptVersionProperty(), "promptVersion", "latest")), 2, 1),
                Widgets.field("Variables (name=value, one a line)", variables(model.promptVariablesProperty())));
        // the fields join the scene only while expanded: collapsed, nothing of them is laid out (or measured)
        advanced = new TitledPane("", null);
        advanced.expandedProperty().addListener((obs, was, open) -> advanced.setContent(open ? fields : null));
        advanced.setId("advancedExpander");
        Label title = Widgets.label("", "advanced-title"); // a graphic: the title is a plain label like the others
        title.setId("advancedTitle");
        title.setMinWidth(Label.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.concat("Advanced · ", model.summaryProperty()));
        advanced.setGraphic(title);
        advanced.setExpanded(false);
        advanced.setAnimated(false);
        advanced.getStyleClass().add(Styles.DENSE);
        getChildren().addAll(toolsRow, advanced);
    }

    public TitledPane advanced() {
        return advanced;
    }

    private static Label caption(String text) {
        Label l = Widgets.label(text, Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    private static TextField text(StringProperty p, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(6);
        return f;
    }

    private static ComboBox<String> choice(StringProperty p, List<String> values, String id) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(values));
        c.setId(id);
        c.valueProperty().bindBidirectional(p);
        return c;
    }

    private static TextArea variables(StringProperty p) {
        TextArea a = new TextArea();
        a.setId("promptVariables");
        a.getStyleClass().add("monospace");
        a.setPrefRowCount(2);
        a.textProperty().bindBidirectional(p);
        return a;
    }
}
