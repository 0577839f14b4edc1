package dev.switchboard.ui.profiles;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.history.LineDiff;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.accept.AcceptViewModel;
import dev.switchboard.ui.tools.AdvancedSettingsPane;
import dev.switchboard.ui.Windows;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The profiles editor: profiles on the left; their settings, versions (with a diff) and the routing rules. */
public final class ProfilesView extends BorderPane {

    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    /** File choosers and confirmations; the window supplies them. */
    public interface Actions {
        void importProfiles();

        void exportProfiles();

        void duplicate();

        void delete();
    }

    private final ProfilesViewModel model;

    public ProfilesView(ProfilesViewModel model, Actions actions) {
        this.model = model;
        setId("profilesView");
        setTop(toolbar(actions));
        TabPane tabs = new TabPane(tab("Settings", "fth-sliders", editor()), tab("Versions", "fth-git-branch", versions()),
                tab("Routing rules", "fth-shuffle", rules()));
        tabs.setId("profileTabs");
        SplitPane split = new SplitPane(profileList(actions), tabs);
        split.setDividerPositions(0.26);
        setCenter(split);
        setBottom(Windows.statusBar(model.statusProperty(), "profilesStatus"));
    }

    private static Tab tab(String title, String icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(Widgets.icon(icon));
        tab.setClosable(false);
        return tab;
    }

    private Node toolbar(Actions actions) {
        Label icon = new Label(null, Widgets.icon("fth-users"));
        icon.getGraphic().getStyleClass().add("title-icon");
        Label title = Widgets.label("Agent profiles", "window-title");
        Label subtitle = Widgets.label("Named accept settings; every save keeps a version.", Styles.TEXT_MUTED,
                Styles.TEXT_SMALL);
        Button importButton = Widgets.button("Import…", "fth-upload", Styles.BUTTON_OUTLINED);
        importButton.setId("importProfiles");
        importButton.setOnAction(e -> actions.importProfiles());
        Button exportButton = Widgets.button("Export…", "fth-download", Styles.BUTTON_OUTLINED);
        exportButton.setId("exportProfiles");
        exportButton.setTooltip(new Tooltip("The selected profile with all its versions (every profile when none is selected)"));
        exportButton.setOnAction(e -> actions.exportProfiles());
        HBox bar = new HBox(icon, new VBox(0, title, subtitle), new Spacer(), importButton, exportButton);
        bar.getStyleClass().add("window-toolbar");
        return bar;
    }

    // ---- left: the profiles ----

    private Node profileList(Actions actions) {
        ListView<ProfileSummary> list = new ListView<>(model.profiles());
        list.setId("profileList");
        list.getStyleClass().addAll("profile-list", Tweaks.EDGE_TO_EDGE);
        list.setPlaceholder(Widgets.emptyState("fth-users", "No profiles yet", Bindings.createStringBinding(
                () -> "Press New, or save the accept panel's settings as a profile.")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProfileSummary p, boolean empty) {
                super.updateItem(p, empty);
                setText(null);
                setGraphic(empty || p == null ? null : new VBox(2, Widgets.label(p.name(), Styles.TEXT_BOLD),
                        Widgets.label("v" + p.latestVersion() + "  ·  saved " + SAVED.format(p.lastSavedAt()),
                                "profile-list-meta")));
            }
        });
        // list → model, and model → list (after a save the reloaded summary is selected)
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, p) -> {
            if (p != null) {
                model.selectedProperty().set(p);
            }
        });
        model.selectedProperty().addListener((obs, old, p) -> {
            if (p == null) {
                list.getSelectionModel().clearSelection();
            } else if (!p.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(p);
            }
        });

        Button add = Widgets.button("New", "fth-plus", Styles.SMALL);
        add.setId("newProfile");
        add.setOnAction(e -> model.startNew());
        Button duplicate = Widgets.button("Duplicate", "fth-copy", Styles.SMALL, Styles.FLAT);
        duplicate.setId("duplicateProfile");
        duplicate.disableProperty().bind(model.selectedProperty().isNull());
        duplicate.setOnAction(e -> actions.duplicate());
        Button delete = Widgets.button(null, "fth-trash-2", Styles.SMALL, Styles.FLAT, Styles.DANGER, Styles.BUTTON_ICON);
        delete.setId("deleteProfile");
        delete.setTooltip(new Tooltip("Delete the profile and all its versions"));
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(e -> actions.delete());
        HBox buttons = new HBox(add, duplicate, new Spacer(), delete);
        buttons.getStyleClass().add("list-pane-buttons");

        Label header = Widgets.label("Profiles", Styles.TEXT_BOLD);
        Label count = Widgets.label("", "badge");
        count.textProperty().bind(Bindings.size(model.profiles()).asString());
        HBox head = new HBox(header, count);
        head.getStyleClass().add("pane-header");
        VBox pane = new VBox(head, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        pane.getStyleClass().add("list-pane");
        pane.setMinWidth(220);
        return pane;
    }

    // ---- settings editor (the accept panel's fields and checks) ----

    private Node editor() {
        AcceptViewModel draft = model.draft();
        TextField name = new TextField();
        name.setId("profileName");
        name.setPromptText("e.g. Support EN");
        name.textProperty().bindBidirectional(model.nameProperty());

        TextArea instructions = new TextArea();
        instructions.setId("profileInstructions");
        instructions.getStyleClass().add("monospace");
        instructions.setWrapText(true);
        instructions.setPrefRowCount(10);
        instructions.textProperty().bindBidirectional(draft.instructionsProperty());

        ComboBox<String> voice = new ComboBox<>(FXCollections.observableArrayList(AcceptSettings.VOICES));
        voice.setId("profileVoice");
        voice.valueProperty().bindBidirectional(draft.voiceProperty());
        ComboBox<String> modelChoice = new ComboBox<>(FXCollections.observableArrayList(AcceptSettings.MODELS));
        modelChoice.setId("profileModel");
        modelChoice.setEditable(true);
        modelChoice.valueProperty().bindBidirectional(draft.modelProperty());
        modelChoice.getEditor().textProperty().addListener((obs, old, text) -> {
            if (modelChoice.getEditor().isFocused()) {
                draft.modelProperty().set(text);
            }
        });
        TextField greeting = new TextField();
        greeting.setId("profileGreeting");
        greeting.setPromptText("Empty: the agent waits for the caller to speak");
        greeting.textProperty().bindBidirectional(draft.greetingProperty());
        ComboBox<String> transcription = new ComboBox<>(FXCollections.observableArrayList(AcceptViewModel.TRANSCRIPTION_CHOICES));
        transcription.valueProperty().bindBidirectional(draft.transcriptionProperty());
        ComboBox<TurnDetection> turns = new ComboBox<>(FXCollections.observableArrayList(TurnDetection.values()));
        turns.valueProperty().bindBidirectional(draft.turnDetectionProperty());

        Label problems = Widgets.label("", "problem-text");
        problems.setId("profileProblems");
        problems.setGraphic(Widgets.icon("fth-alert-circle"));
        problems.setWrapText(true);
        problems.textProperty().bind(draft.problemsProperty());
        problems.visibleProperty().bind(draft.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        Button save = Widgets.button("", "fth-save", Styles.ACCENT);
        save.setId("saveProfile");
        save.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Create profile" : "Save as version " + (model.selectedProperty().get().latestVersion() + 1),
                model.selectedProperty()));
        save.disableProperty().bind(model.saveDisabledProperty());
        save.setOnAction(e -> model.save());
        Button revert = Widgets.button("Revert", "fth-rotate-ccw", Styles.FLAT);
        revert.setTooltip(new Tooltip("Back to the latest saved version"));
        revert.setOnAction(e -> model.revert());
        revert.disableProperty().bind(model.selectedProperty().isNull());
        HBox buttons = new HBox(8, save, revert);
        buttons.setAlignment(Pos.CENTER_LEFT);

        VBox form = new VBox(10, Widgets.field("Name", name), Widgets.field("Instructions", instructions),
                Widgets.fieldRow(Widgets.field("Voice", voice), Widgets.field("Model", modelChoice), 1, 1), Widgets.field("Greeting", greeting),
                Widgets.fieldRow(Widgets.field("Caller transcription", transcription), Widgets.field("Turn detection", turns), 1, 1),
                new AdvancedSettingsPane(draft.sessionProperty(), draft.inputProblemsProperty(), draft.toolsProperty(),
                        draft.voiceProperty()), new ProfileAlertsPane(model.alerts()), problems, buttons);
        VBox.setVgrow(form.getChildren().get(1), Priority.ALWAYS);
        form.getStyleClass().add("editor-pane");
        return form;
    }

    // ---- versions and diff ----

    private Node versions() {
        ListView<ProfileVersion> list = new ListView<>(model.versions());
        list.setId("versionList");
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        list.setPlaceholder(Widgets.label("Save the profile to start its history.", Styles.TEXT_MUTED));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProfileVersion p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : "v" + p.version() + "   " + SAVED.format(p.savedAt())
                        + model.versionCalls(p));
            }
        });
        model.versionStats().addListener((javafx.beans.InvalidationListener) o -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, v) -> {
            if (v != null) {
                model.diffNewProperty().set(v);
                int at = model.versions().indexOf(v);
                model.diffOldProperty().set(at > 0 ? model.versions().get(at - 1) : v);
            }
        });
        Button load = Widgets.button("Edit from this version", "fth-edit-2", Styles.SMALL, Styles.FLAT);
        load.setTooltip(new Tooltip("Put this version's settings and alerts in the editor; saving makes them the newest version"));
        load.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        load.setOnAction(e -> model.editFrom(list.getSelectionModel().getSelectedItem()));
        VBox left = new VBox(list, load);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setMinWidth(200);
        left.setMaxWidth(240);

        ComboBox<ProfileVersion> older = versionChoice(model.versions());
        older.setId("diffOld");
        older.valueProperty().bindBidirectional(model.diffOldProperty());
        ComboBox<ProfileVersion> newer = versionChoice(model.versions());
        newer.setId("diffNew");
        newer.valueProperty().bindBidirectional(model.diffNewProperty());
        Label same = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        same.textProperty().bind(Bindings.createStringBinding(() -> model.diffRows().isEmpty() ? ""
                : model.diffRows().stream().allMatch(r -> r.left() != null && r.left().kind() == LineDiff.Kind.SAME)
                ? "The instructions are the same." : "", model.diffRows()));
        HBox choose = new HBox(Widgets.label("Instructions of", Styles.TEXT_MUTED), older, Widgets.icon("fth-arrow-right"),
                newer, same);
        choose.getStyleClass().add("diff-header");
        VBox head = new VBox(choose, Widgets.note("diffOldStats", model.diffOldStatsProperty()),
                Widgets.note("diffNewStats", model.diffNewStatsProperty()));

        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setId("diffGrid");
        grid.getStyleClass().add("diff-grid");
        for (int i = 0; i < 2; i++) {
            javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
            half.setPercentWidth(50);
            half.setFillWidth(true);
            grid.getColumnConstraints().add(half);
        }
        Runnable redraw = () -> {
            grid.getChildren().clear();
            int r = 0;
            for (LineDiff.Row row : model.diffRows()) {
                grid.add(diffSide(row.left(), true), 0, r);
                grid.add(diffSide(row.right(), false), 1, r);
                r++;
            }
        };
        model.diffRows().addListener((javafx.collections.ListChangeListener<LineDiff.Row>) c -> redraw.run());
        redraw.run();
        javafx.scene.control.ScrollPane diff = new javafx.scene.control.ScrollPane(grid);
        diff.setFitToWidth(true);
        diff.getStyleClass().add("diff-scroll");
        Label pick = Widgets.label("Pick two versions to compare.", Styles.TEXT_MUTED);
        pick.visibleProperty().bind(Bindings.isEmpty(model.diffRows()));
        BorderPane right = new BorderPane(new StackPane(diff, pick));
        right.setTop(head);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new HBox(left, new Separator(Orientation.VERTICAL), right);
    }

    private static ComboBox<ProfileVersion> versionChoice(ObservableList<ProfileVersion> versions) {
        ComboBox<ProfileVersion> box = new ComboBox<>(versions);
        StringConverter<ProfileVersion> name = new StringConverter<>() {
            @Override
            public String toString(ProfileVersion v) {
                return v == null ? "" : "v" + v.version();
            }

            @Override
            public ProfileVersion fromString(String s) {
                return null;
            }
        };
        box.setConverter(name);
        box.setPrefWidth(90);
        return box;
    }

    /** One side of a diff row: line number and text; removed red, added green, a missing line blank. */
    static HBox diffSide(LineDiff.Line line, boolean old) {
        Label number = Widgets.label(line == null ? "" : Integer.toString(old ? line.oldLine() : line.newLine()),
                "diff-line-number", "monospace");
        number.setMinWidth(Label.USE_PREF_SIZE);
        Label text = Widgets.label(line == null ? "" : (line.kind() == LineDiff.Kind.ADDED ? "+ "
                : line.kind() == LineDiff.Kind.REMOVED ? "− " : "  ") + line.text(), "diff-text", "monospace");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(number, text);
        box.getStyleClass().add("diff-cell");
        box.getStyleClass().add(line == null ? "blank" : line.kind().name().toLowerCase());
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    // ---- routing rules ----

    private Node rules() {
        TableView<RoutingRuleRow> table = new TableView<>(model.rules());
        table.setId("rulesTable");
        table.setEditable(true);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Widgets.label("No rules: every call rings for a person.", Styles.TEXT_MUTED));

        TableColumn<RoutingRuleRow, String> order = new TableColumn<>("#");
        order.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(
                Integer.toString(model.rules().indexOf(c.getValue()) + 1)));
        order.setPrefWidth(40);
        order.setMaxWidth(50);
        order.setSortable(false);
        TableColumn<RoutingRuleRow, String> prefix = new TableColumn<>("Called number starts with");
        prefix.setCellValueFactory(c -> c.getValue().prefixProperty());
        prefix.setCellFactory(TextFieldTableCell.forTableColumn());
        prefix.setOnEditCommit(e -> {
            e.getRowValue().prefixProperty().set(e.getNewValue());
            model.markRulesDirty();
        });
        prefix.setPrefWidth(200);
        prefix.setSortable(false);
        ObservableList<String> names = FXCollections.observableArrayList();
        Runnable syncNames = () -> names.setAll(model.profiles().stream().map(ProfileSummary::name).toList());
        model.profiles().addListener((javafx.collections.ListChangeListener<ProfileSummary>) c -> syncNames.run());
        syncNames.run();
        TableColumn<RoutingRuleRow, String> profile = new TableColumn<>("Accept with profile");
        profile.setCellValueFactory(c -> c.getValue().profileProperty());
        profile.setCellFactory(ComboBoxTableCell.forTableColumn(names));
        profile.setOnEditCommit(e -> {
            e.getRowValue().profileProperty().set(e.getNewValue());
            model.markRulesDirty();
        });
        profile.setPrefWidth(200);
        profile.setSortable(false);
        TableColumn<RoutingRuleRow, Boolean> enabled = new TableColumn<>("Enabled");
        enabled.setCellValueFactory(c -> c.getValue().enabledProperty());
        enabled.setCellFactory(CheckBoxTableCell.forTableColumn(enabled));
        enabled.setSortable(false);
        table.getColumns().add(order);
        table.getColumns().add(prefix);
        table.getColumns().add(profile);
        table.getColumns().add(enabled);
        model.rules().addListener((javafx.collections.ListChangeListener<RoutingRuleRow>) c -> {
            for (RoutingRuleRow r : model.rules()) {
                r.enabledProperty().addListener(o -> model.markRulesDirty());
            }
            table.refresh();
        });

        Button add = Widgets.button("Add rule", "fth-plus", Styles.SMALL);
        add.setId("addRule");
        add.setOnAction(e -> {
            RoutingRuleRow row = model.addRule();
            table.getSelectionModel().select(row);
            table.edit(model.rules().indexOf(row), prefix);
        });
        var selectedRule = table.getSelectionModel().selectedItemProperty();
        Button remove = Widgets.button(null, "fth-trash-2", Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        remove.setTooltip(new Tooltip("Remove the rule"));
        remove.disableProperty().bind(selectedRule.isNull());
        remove.setOnAction(e -> model.removeRule(selectedRule.get()));
        Button up = Widgets.button(null, "fth-arrow-up", Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        up.setTooltip(new Tooltip("Earlier: checked first"));
        up.disableProperty().bind(selectedRule.isNull());
        up.setOnAction(e -> move(table, -1));
        Button down = Widgets.button(null, "fth-arrow-down", Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        down.setTooltip(new Tooltip("Later"));
        down.disableProperty().bind(selectedRule.isNull());
        down.setOnAction(e -> move(table, 1));
        Button save = Widgets.button("Save rules", "fth-save", Styles.ACCENT, Styles.SMALL);
        save.setId("saveRules");
        save.disableProperty().bind(model.rulesDirtyProperty().not());
        save.setOnAction(e -> model.saveRules());
        HBox buttons = new HBox(6, add, remove, up, down, new Spacer(), save);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label note = Widgets.label("While Auto-accept is off, a call whose called number (the To header) starts with a "
                + "prefix is accepted at once with that profile's latest version. Rules are checked top to bottom; "
                + "the first match wins. Other calls ring for a person.", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        VBox pane = new VBox(10, note, new StackPane(table), buttons);
        VBox.setVgrow(pane.getChildren().get(1), Priority.ALWAYS);
        pane.getStyleClass().add("editor-pane");
        return pane;
    }

    private void move(TableView<RoutingRuleRow> table, int by) {
        RoutingRuleRow row = table.getSelectionModel().getSelectedItem();
        model.moveRule(row, by);
        table.getSelectionModel().select(row);
    }
}
