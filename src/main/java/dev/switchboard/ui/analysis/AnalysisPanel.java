package dev.switchboard.ui.analysis;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** "Analysis": the headline (score and outcome), the summary, one line per rubric item, or the failure and Retry. */
public final class AnalysisPanel extends VBox {

    public AnalysisPanel(AnalysisViewModel model) {
        super(6);
        setId("analysisPanel");
        getStyleClass().add("analysis-panel");
        Label title = Widgets.label("Analysis", "field-label");
        Label headline = Widgets.label("", Styles.TEXT_BOLD);
        headline.setId("analysisHeadline");
        headline.textProperty().bind(model.headlineProperty());
        Label summary = wrapped("analysisSummary", Styles.TEXT_SMALL);
        summary.textProperty().bind(model.summaryProperty());
        Label error = wrapped("analysisError", Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        VBox scores = new VBox(2);
        scores.setId("analysisScores");
        model.scores().addListener((ListChangeListener<AnalysisViewModel.ScoreRow>) c -> fill(scores, model));
        fill(scores, model);
        Button retry = Widgets.button("Retry", "fth-refresh-cw", Styles.BUTTON_OUTLINED);
        retry.setId("analysisRetry");
        retry.setOnAction(e -> model.retry());
        showWhenSet(retry, model.retryableProperty());
        getChildren().addAll(title, headline, summary, scores, error, retry);
        visibleProperty().bind(model.headlineProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
    }

    private static void fill(VBox scores, AnalysisViewModel model) {
        scores.getChildren().setAll(model.scores().stream().map(s -> {
            Label line = wrapped(null, Styles.TEXT_SMALL);
            line.setText(s.item() + "  " + s.score() + (s.reason().isEmpty() ? "" : " — " + s.reason()));
            return line;
        }).toList());
    }

    private static Label wrapped(String id, String style) {
        Label label = Widgets.label("", style);
        if (id != null) {
            label.setId(id);
        }
        label.setWrapText(true);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static void showWhenSet(Button button, javafx.beans.value.ObservableBooleanValue on) {
        button.visibleProperty().bind(on);
        button.managedProperty().bind(button.visibleProperty());
    }
}
