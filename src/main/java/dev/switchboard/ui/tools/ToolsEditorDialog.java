package dev.switchboard.ui.tools;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.ToolReply;
import dev.switchboard.call.ToolSet;
import dev.switchboard.ui.Stylesheets;
import dev.switchboard.ui.Widgets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The tools editor: the list of tools, a form for the picked one, {@code tool_choice}, and the tools as JSON in
 * the API's form to import or export. OK stays disabled while a problem remains (named with its JSON pointer).
 * MCP header values are typed in password fields and exported masked.
 */
public final class ToolsEditorDialog extends Dialog<ToolSet> {

    private final ToolsEditorViewModel model;
    private final StackPane form = new StackPane();

    public ToolsEditorDialog(Window owner, ToolSet current) {
        model = new ToolsEditorViewModel(current);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Tools");
        setResizable(true);
        getDialogPane().getStylesheets().addAll(Stylesheets.ALL);
        getDialogPane().getStylesheets().add(ToolCardsView.STYLESHEET);
        getDialogPane().setId("toolsEditor");
        ButtonType ok = new ButtonType("Use these tools", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Node okButton = getDialogPane().lookupButton(ok);
        okButton.setId("toolsOk");
        okButton.disableProperty().bind(model.validProperty().not());
        setResultConverter(b -> b == ok ? model.result() : null);

        TabPane tabs = new TabPane(Widgets.tab("Tools", "fth-tool", editor()), Widgets.tab("JSON (API form)", "fth-code", json()));
        Label problems = Widgets.label("", "problem-text");
        problems.setId("toolsProblems");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        ComboBox<String> choice = new ComboBox<>(FXCollections.observableArrayList(model.toolChoices()));
        choice.setId("toolChoice");
        choice.setEditable(true);
        choice.setPromptText("not sent (the model decides)");
        choice.valueProperty().bindBidirectional(model.toolChoiceProperty());
        choice.setOnShowing(e -> choice.getItems().setAll(model.toolChoices()));
        VBox root = new VBox(10, tabs, Widgets.field("tool_choice", choice), problems);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.setPrefSize(780, 560);
        getDialogPane().setContent(root);
    }

    /** Opens the editor; the edited tools when the person pressed OK. */
    public static Optional<ToolSet> edit(Window owner, ToolSet current) {
        return new ToolsEditorDialog(owner, current).showAndWait();
    }

    public ToolsEditorViewModel model() {
        return model;
    }

    private Node editor() {
        ListView<ToolEntry> list = new ListView<>(model.entries());
        list.setId("toolList");
        list.setPrefWidth(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ToolEntry item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(Bindings.createStringBinding(item::toString, item.nameProperty()));
                }
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                model.selectedProperty().set(e);
            }
        });
        model.selectedProperty().addListener((obs, old, e) -> {
            list.getSelectionModel().select(e);
            showForm(e);
        });
        Button addFunction = Widgets.button("Function", "fth-plus", Styles.SMALL);
        addFunction.setId("addFunctionTool");
        addFunction.setOnAction(e -> model.addFunction());
        Button addMcp = Widgets.button("MCP server", "fth-plus", Styles.SMALL);
        addMcp.setId("addMcpTool");
        addMcp.setOnAction(e -> model.addMcp());
        Button remove = Widgets.button(null, "fth-trash-2", Styles.SMALL, Styles.FLAT);
        remove.setId("removeTool");
        remove.disableProperty().bind(model.selectedProperty().isNull());
        remove.setOnAction(e -> model.remove(model.selectedProperty().get()));
        HBox buttons = new HBox(6, addFunction, addMcp, remove);
        VBox left = new VBox(6, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        showForm(model.selectedProperty().get());
        list.getSelectionModel().select(model.selectedProperty().get());
        ScrollPane right = new ScrollPane(form);
        right.setFitToWidth(true);
        BorderPane pane = new BorderPane(right);
        pane.setLeft(left);
        BorderPane.setMargin(left, new javafx.geometry.Insets(0, 10, 0, 0));
        return pane;
    }

    private void showForm(ToolEntry e) {
        if (e == null) {
            form.getChildren().setAll(Widgets.label("No tools: the agent can only talk. Add a function or an MCP server.",
                    Styles.TEXT_MUTED));
            return;
        }
        VBox box = new VBox(10);
        box.setId("toolForm");
        if (e.isFunction()) {
            TextArea params = area(e.parametersProperty(), "toolParameters", 8);
            ComboBox<ToolReply.Mode> mode = new ComboBox<>(FXCollections.observableArrayList(ToolReply.Mode.values()));
            mode.setId("toolReplyMode");
            mode.valueProperty().bindBidirectional(e.replyModeProperty());
            mode.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(ToolReply.Mode m) {
                    return m == null ? "" : m == ToolReply.Mode.BY_HAND ? "answer by hand" : m == ToolReply.Mode.CANNED
                            ? "canned output after N ms" : "error after N ms";
                }

                @Override
                public ToolReply.Mode fromString(String s) {
                    return null;
                }
            });
            TextField delay = field(e.replyDelayMsProperty(), "toolReplyDelay", "ms");
            delay.disableProperty().bind(e.replyModeProperty().isEqualTo(ToolReply.Mode.BY_HAND));
            box.getChildren().addAll(Widgets.field("Name", field(e.nameProperty(), "toolName", "lookup_order")),
                    Widgets.field("Description", field(e.descriptionProperty(), "toolDescription", "what it does, for the model")),
                    Widgets.field("Parameters (JSON Schema)", params),
                    Widgets.fieldRow(Widgets.field("Calls are answered", mode), Widgets.field("After (ms)", delay), 2, 1),
                    Widgets.field("Canned output / error message (prefills the card by hand)",
                            area(e.replyOutputProperty(), "toolReplyOutput", 3)));
        } else {
            ComboBox<String> approval = new ComboBox<>(FXCollections.observableArrayList(ToolEntry.APPROVAL_CHOICES));
            approval.setId("toolRequireApproval");
            approval.valueProperty().bindBidirectional(e.requireApprovalProperty());
            VBox headers = new VBox(6);
            Runnable drawHeaders = () -> {
                headers.getChildren().clear();
                for (ToolEntry.Header h : e.headers()) {
                    TextField name = field(h.name(), "headerName", "X-Api-Key");
                    PasswordField value = new PasswordField();
                    value.setId("headerValue");
                    value.setPromptText("secret, never shown");
                    value.textProperty().bindBidirectional(h.value());
                    Button drop = Widgets.button(null, "fth-x", Styles.FLAT, Styles.SMALL);
                    drop.setOnAction(x -> e.headers().remove(h));
                    HBox row = new HBox(6, name, value, drop);
                    HBox.setHgrow(value, Priority.ALWAYS);
                    headers.getChildren().add(row);
                }
            };
            e.headers().addListener((javafx.collections.ListChangeListener<ToolEntry.Header>) c -> drawHeaders.run());
            drawHeaders.run();
            Button addHeader = Widgets.button("Header", "fth-plus", Styles.SMALL, Styles.FLAT);
            addHeader.setId("addHeader");
            addHeader.setOnAction(x -> e.headers().add(new ToolEntry.Header("", "")));
            box.getChildren().addAll(Widgets.field("Server label", field(e.nameProperty(), "toolServerLabel", "billing")),
                    Widgets.field("Server URL", field(e.serverUrlProperty(), "toolServerUrl", "https://mcp.example.com/sse")),
                    Widgets.field("Allowed tools (comma-separated; empty = all)", field(e.allowedToolsProperty(), "toolAllowed", "")),
                    Widgets.field("Require approval", approval),
                    Widgets.label("Headers (values are secrets: masked here and in exports, never logged)", "field-label"),
                    headers, addHeader);
        }
        form.getChildren().setAll(box);
    }

    private Node json() {
        TextArea text = new TextArea(model.exportJson());
        text.setId("toolsJson");
        text.getStyleClass().add("monospace");
        Button refresh = Widgets.button("Show current", "fth-refresh-cw", Styles.SMALL);
        refresh.setId("exportToolsJson");
        refresh.setOnAction(e -> text.setText(model.exportJson()));
        Button apply = Widgets.button("Import this", "fth-download", Styles.SMALL, Styles.ACCENT);
        apply.setId("importToolsJson");
        apply.setOnAction(e -> model.importJson(text.getText()));
        Button open = Widgets.button("Open file…", "fth-folder", Styles.SMALL);
        open.setOnAction(e -> {
            FileChooser chooser = chooser();
            var file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                try {
                    text.setText(Files.readString(file.toPath(), StandardCharsets.UTF_8));
                    model.importJson(text.getText());
                } catch (IOException ex) {
                    text.setText("");
                    model.importJson("could not read " + file.getName() + ": " + ex.getMessage());
                }
            }
        });
        Button save = Widgets.button("Save file…", "fth-save", Styles.SMALL);
        save.setOnAction(e -> {
            var file = chooser().showSaveDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                try {
                    Files.writeString(file.toPath(), model.exportJson(), StandardCharsets.UTF_8);
                } catch (IOException ex) {
                    model.importJson("could not write " + file.getName() + ": " + ex.getMessage());
                }
            }
        });
        Label result = Widgets.label("", Styles.TEXT_SMALL);
        result.setId("toolsImportResult");
        result.setWrapText(true);
        result.textProperty().bind(model.importResultProperty());
        Label hint = Widgets.label("A tools array, {\"tools\": […]} as in a session, or a tools file with \"replies\". "
                + "Exports mask MCP header values.", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        HBox buttons = new HBox(6, refresh, apply, open, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, hint, text, buttons, result);
        VBox.setVgrow(text, Priority.ALWAYS);
        return box;
    }

    private static FileChooser chooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        return chooser;
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TextArea area(javafx.beans.property.StringProperty p, String id, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.getStyleClass().add("monospace");
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        a.textProperty().bindBidirectional(p);
        return a;
    }
}
