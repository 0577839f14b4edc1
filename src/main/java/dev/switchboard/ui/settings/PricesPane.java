package dev.switchboard.ui.settings;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The editable price table, folded away under Settings (most people never change it). */
final class PricesPane extends TitledPane {

    PricesPane(PricesViewModel model) {
        setText("Prices (USD per 1M tokens)");
        setExpanded(false);
        setId("pricesPane");
        TextArea json = new TextArea();
        json.setId("pricesJson");
        json.getStyleClass().add("monospace");
        json.setPrefRowCount(8);
        json.textProperty().bindBidirectional(model.jsonProperty());
        Label hint = Widgets.label("{\"<model>\": {text_input, text_cached_input, text_output, audio_input, "
                + "audio_cached_input, audio_output}}. A model not listed has no price: its cost shows unknown.",
                Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        Button save = Widgets.button("Save prices", "fth-save", Styles.BUTTON_OUTLINED);
        save.setId("savePricesButton");
        save.setOnAction(e -> model.save());
        Label result = Widgets.resultLabel("pricesResult", model.resultProperty(), model.failedProperty());
        HBox actions = new HBox(8, save, result);
        actions.setAlignment(Pos.CENTER_LEFT);
        setContent(new VBox(6, json, hint, actions));
    }
}
