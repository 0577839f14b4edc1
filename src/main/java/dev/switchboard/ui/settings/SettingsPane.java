package dev.switchboard.ui.settings;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * What the monitor runs with. The API key is only ever shown masked; editing arrives with the settings
 * store (see issue 4, item 7).
 */
public final class SettingsPane extends VBox {

    public SettingsPane(String maskedApiKey, String listenerUrl, boolean demo) {
        super(12);
        setId("settingsPane");
        setPrefWidth(460);
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(8);
        Label key = Widgets.label(maskedApiKey, "monospace");
        key.setId("maskedApiKey");
        grid.addRow(0, Widgets.label("OpenAI API key", "field-label"), key);
        grid.addRow(1, Widgets.label("Webhook listener", "field-label"), Widgets.label(listenerUrl, "monospace"));
        grid.addRow(2, Widgets.label("Mode", "field-label"),
                Widgets.label(demo ? "Demo (embedded simulator)" : "Live", Styles.TEXT_BOLD));
        Label note = Widgets.label("Set OPENAI_API_KEY and OPENAI_WEBHOOK_SECRET in the environment (or a .env file) "
                + "and restart to change them. Editing them here comes later.", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        getChildren().addAll(grid, note);
    }
}
