package dev.switchboard.ui.setup;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.PresenterControls;
import dev.switchboard.ui.PresenterMode;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The setup checklist screen: the two fields, Run checks, one row per check with its fix, the trunk's SIP URI. */
public final class SetupPane extends VBox {

    public static final String STYLESHEET = SetupPane.class.getResource("setup.css").toExternalForm();

    private final VBox rowsBox = new VBox();
    private final PresenterMode presenter;

    public SetupPane(SetupViewModel model, boolean demo) {
        this(model, demo, new PresenterMode());
    }

    /** @param presenter while on, the masked key in the API key check's result is left out too */
    public SetupPane(SetupViewModel model, boolean demo, PresenterMode presenter) {
        super(14);
        this.presenter = presenter;
        setId("setupPane");
        getStyleClass().add("setup-pane");
        getStylesheets().add(STYLESHEET);
        setPrefWidth(760);

        Label intro = Widgets.label("What a real call needs, checked from the top: the API key, the webhook secret, "
                + "the listener, the tunnel OpenAI posts to, and the SIP URI for your trunk.", Styles.TEXT_MUTED);
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);
        getChildren().add(intro);
        if (demo) {
            Label note = Widgets.label("Demo mode now: these checks are about live mode. Save an API key and a webhook "
                    + "secret in Settings to switch.", "setup-demo-note");
            note.setGraphic(Widgets.icon("fth-info"));
            note.setWrapText(true);
            note.setMinHeight(Label.USE_PREF_SIZE);
            getChildren().add(note);
        }

        TextField url = new TextField();
        url.setId("publicUrlField");
        url.setPromptText("https://xyz.ngrok.app/webhook");
        url.textProperty().bindBidirectional(model.publicUrlProperty());
        TextField project = new TextField();
        project.setId("projectIdField");
        project.setPromptText("proj_… (OpenAI platform → Settings → General)");
        project.textProperty().bindBidirectional(model.projectIdProperty());
        GridPane grid = Widgets.formGrid();
        grid.addRow(0, caption("Public URL (tunnel)"), url);
        grid.addRow(1, caption("OpenAI project id"), project);

        Label sip = Widgets.label("", "monospace", "sip-uri");
        sip.setId("sipUri");
        sip.textProperty().bind(Bindings.when(model.sipUriProperty().isEmpty())
                .then("Enter the project id to get the URI.").otherwise(model.sipUriProperty()));
        Button copy = Widgets.button("Copy", "fth-copy", Styles.BUTTON_OUTLINED, Styles.SMALL);
        copy.setId("copySipUriButton");
        copy.disableProperty().bind(model.sipUriProperty().isEmpty());
        copy.setOnAction(e -> Widgets.copyToClipboard(model.sipUriProperty().get()));
        copy.setMinWidth(Button.USE_PREF_SIZE);
        HBox sipRow = new HBox(10, sip, copy);
        sipRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(sip, Priority.ALWAYS);
        sip.setMaxWidth(Double.MAX_VALUE);
        grid.addRow(2, caption("SIP URI for the trunk"), sipRow);
        getChildren().add(grid);

        Button run = Widgets.button("Run checks", "fth-play", Styles.ACCENT);
        run.setId("runChecksButton");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        run.setMinWidth(Button.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.runningProperty());
        spinner.managedProperty().bind(model.runningProperty());
        Label summary = Widgets.label("", "setup-summary");
        summary.setId("setupSummary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        HBox runRow = new HBox(12, run, spinner, summary);
        runRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(runRow);

        Label saveProblem = Widgets.label("", "problem-text");
        saveProblem.textProperty().bind(model.saveProblemProperty());
        saveProblem.visibleProperty().bind(model.saveProblemProperty().isNotEmpty());
        saveProblem.managedProperty().bind(saveProblem.visibleProperty());
        saveProblem.setWrapText(true);
        getChildren().add(saveProblem);

        rowsBox.setId("setupRows");
        rowsBox.getStyleClass().add("setup-rows");
        ScrollPane scroll = new ScrollPane(rowsBox);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(380);
        scroll.getStyleClass().add("setup-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);

        model.rows().addListener((ListChangeListener<SetupRow>) c -> redraw(model));
        presenter.activeProperty().addListener(o -> redraw(model));
        redraw(model);
    }

    private void redraw(SetupViewModel model) {
        if (model.rows().isEmpty()) {
            Label empty = Widgets.label("No results yet.", Styles.TEXT_MUTED);
            empty.getStyleClass().add("setup-empty");
            rowsBox.getChildren().setAll(empty);
            return;
        }
        rowsBox.getChildren().setAll(model.rows().stream().map(this::row).toList());
    }

    private Node row(SetupRow row) {
        Label icon = new Label(null, Widgets.icon(row.icon()));
        icon.getStyleClass().addAll("check-icon", row.styleClass());
        icon.setAccessibleText(row.mark() + " " + row.status());
        icon.setMinWidth(Label.USE_PREF_SIZE);
        Label name = Widgets.label(row.name(), Styles.TEXT_BOLD);
        Label detail = Widgets.label(presenter.isActive() ? hideKeys(row.detail()) : row.detail(), "check-detail");
        detail.setMinHeight(Label.USE_PREF_SIZE);
        detail.setWrapText(true);
        VBox text = new VBox(3, name, detail);
        if (!row.fixText().isEmpty()) {
            Label fix = Widgets.label(row.fixText(), "check-fix");
            fix.setWrapText(true);
            fix.setMinHeight(Label.USE_PREF_SIZE);
            text.getChildren().add(fix);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        HBox box = new HBox(12, icon, text);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().addAll("check-row", row.styleClass());
        box.setId("check-" + row.name().toLowerCase().replaceAll("[^a-z]+", "-"));
        return box;
    }

    /** "the key sk-...abcd" → "the key": presenter mode shows no key, not even masked. */
    static String hideKeys(String text) {
        return text.replaceAll(" ?\\bsk-[^\\s]*\\.\\.\\.[A-Za-z0-9_-]{0,8}", "").replaceAll(" ?\\(set\\)", "");
    }

    private static Label caption(String text) {
        Label label = Widgets.label(text, "field-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    /** The setup checklist as a non-modal dialog over {@code owner}. */
    public static Dialog<Void> dialog(Window owner, SetupViewModel model, boolean demo, PresenterMode presenter) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Setup checklist");
        dialog.setHeaderText("Setup checklist");
        dialog.setGraphic(Widgets.icon("fth-check-square"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        dialog.getDialogPane().setId("setupDialog");
        dialog.getDialogPane().setContent(new SetupPane(model, demo, presenter));
        dialog.getDialogPane().setPrefWidth(820);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        PresenterControls.style(dialog.getDialogPane(), owner == null ? null : owner.getScene(), presenter);
        return dialog;
    }
}
