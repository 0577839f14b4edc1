package dev.switchboard.ui.history;

import dev.switchboard.ui.Windows;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.switchboard.history.StoredCall;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.inspector.InspectorTabs;
import dev.switchboard.ui.transcript.TranscriptView;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The history window's content: date range and search on top, past calls (or search hits) on the left, the opened
 * call on the right with the live views (transcript, events, timeline, usage, SIP headers) and its settings.
 */
public final class HistoryView extends BorderPane {

    /** What the buttons that need a file or another window do; the window supplies them. */
    public interface Actions {
        void exportMarkdown();

        void exportJson();

        void exportCsv();

        void replay(StoredCall call);

        void openRecording();
    }

    private final HistoryViewModel model;
    private final ScrollPane settingsPane = new ScrollPane();

    public HistoryView(HistoryViewModel model, Actions actions) {
        this.model = model;
        setId("historyView");
        setTop(toolbar(actions));
        SplitPane split = new SplitPane(listSide(actions), detailSide(actions));
        split.setDividerPositions(0.5);
        setCenter(split);
        setBottom(Windows.statusBar(model.statusProperty(), "historyStatus"));
    }

    private Node toolbar(Actions actions) {
        Label icon = new Label(null, Widgets.icon("fth-clock"));
        icon.getGraphic().getStyleClass().add("title-icon");
        Label title = Widgets.label("Call history", "window-title");
        title.setMinWidth(Label.USE_PREF_SIZE);

        DatePicker from = new DatePicker();
        from.setId("historyFrom");
        from.setPromptText("From");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("historyTo");
        to.setPromptText("To");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        Button clearRange = Widgets.button(null, "fth-x", Styles.BUTTON_ICON, Styles.FLAT);
        clearRange.setTooltip(new Tooltip("All dates"));
        clearRange.setOnAction(e -> {
            model.fromProperty().set(null);
            model.toProperty().set(null);
        });

        CustomTextField search = new CustomTextField();
        search.setId("historySearch");
        search.getStyleClass().add("history-search");
        search.setPromptText("Search transcripts — words, \"a phrase\", prefix*");
        search.setLeft(Widgets.icon("fth-search"));
        Button clear = Widgets.button(null, "fth-x", Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> search.clear());
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setMaxWidth(460);
        javafx.scene.layout.HBox.setHgrow(search, javafx.scene.layout.Priority.ALWAYS);
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            }
        });

        Button open = Widgets.button("Open recording…", "fth-folder", Styles.BUTTON_OUTLINED);
        open.setId("openRecordingButton");
        open.setTooltip(new Tooltip("Replay a call exported as JSON"));
        open.setOnAction(e -> actions.openRecording());
        open.setMinWidth(Button.USE_PREF_SIZE);

        HBox bar = new HBox(icon, title, new Separator(Orientation.VERTICAL), Widgets.icon("fth-calendar"), from,
                Widgets.label("–", "range-dash"), to, clearRange, search, new Spacer(), open);
        bar.getStyleClass().add("window-toolbar");
        return bar;
    }

    // ---- left: calls or hits ----

    private Node listSide(Actions actions) {
        TableView<HistoryViewModel.CallRow> table = new TableView<>(model.calls());
        table.setId("historyTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(Widgets.emptyState("fth-archive", "No calls", Bindings.createStringBinding(
                () -> "Calls are kept here as they happen. Change the dates to look further back.")));
        table.getColumns().add(column("Date", HistoryViewModel.CallRow::date, 125));
        table.getColumns().add(column("Caller", HistoryViewModel.CallRow::caller, 170));
        TableColumn<HistoryViewModel.CallRow, String> duration = column("Duration", HistoryViewModel.CallRow::duration, 70);
        duration.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(duration);
        table.getColumns().add(column("Outcome", HistoryViewModel.CallRow::outcome, 150));
        table.getColumns().add(column("Profile", HistoryViewModel.CallRow::profile, 110));
        dev.switchboard.ui.TableColumns.fitToContent(table, 60);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.open(row.id());
            }
        });
        table.setRowFactory(t -> {
            TableRow<HistoryViewModel.CallRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && model.opened() != null) {
                    actions.replay(model.opened());
                }
            });
            return row;
        });

        ListView<HistoryViewModel.HitRow> hits = new ListView<>(model.hits());
        hits.setId("hitList");
        hits.getStyleClass().addAll("hit-list", Tweaks.EDGE_TO_EDGE);
        hits.setPlaceholder(Widgets.emptyState("fth-search", "No matches", Bindings.createStringBinding(
                () -> "Every word must occur in one line. Try fewer words or a prefix like refund*.")));
        hits.setCellFactory(v -> new HitCell());
        hits.getSelectionModel().selectedItemProperty().addListener((obs, old, hit) -> {
            if (hit != null) {
                model.open(hit.callId());
            }
        });

        table.visibleProperty().bind(model.searchingProperty().not());
        hits.visibleProperty().bind(model.searchingProperty());

        Button csv = Widgets.button("Export range as CSV…", "fth-file-text", Styles.SMALL, Styles.FLAT);
        csv.setId("exportCsvButton");
        csv.setTooltip(new Tooltip("A summary of every call in the date range, one line per call"));
        csv.setOnAction(e -> actions.exportCsv());
        csv.setMinWidth(Button.USE_PREF_SIZE);
        Label count = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        // the calls' count is the status line's ("5 calls"); the footer only counts search matches
        count.textProperty().bind(Bindings.createStringBinding(() -> model.searchingProperty().get()
                ? model.hits().size() + (model.hits().size() == 1 ? " match" : " matches") : "",
                model.searchingProperty(), model.hits()));
        HBox footer = new HBox(count, new Spacer(), csv);
        footer.getStyleClass().add("list-pane-buttons");
        StackPane lists = new StackPane(table, hits);
        VBox side = new VBox(lists, footer);
        VBox.setVgrow(lists, javafx.scene.layout.Priority.ALWAYS);
        side.setMinWidth(320);
        return side;
    }

    /** A search hit: when, who, and the snippet with the matched words in bold accent. */
    static final class HitCell extends ListCell<HistoryViewModel.HitRow> {
        @Override
        protected void updateItem(HistoryViewModel.HitRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            TextFlow snippet = new TextFlow();
            snippet.getStyleClass().add("hit-snippet");
            for (Highlight.Segment segment : row.segments()) {
                Text text = new Text(segment.text());
                text.getStyleClass().add(segment.match() ? "hit-match" : "hit-text");
                snippet.getChildren().add(text);
            }
            snippet.prefWidthProperty().bind(widthProperty().subtract(30));
            VBox box = new VBox(3, Widgets.label(row.meta(), "hit-meta"), snippet);
            setGraphic(box);
        }
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    // ---- right: the opened call ----

    private Node detailSide(Actions actions) {
        Label name = Widgets.label("", Styles.TITLE_3);
        name.setId("historyCallerName");
        Label details = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label badge = Widgets.stateBadge();
        Label profile = Widgets.label("", "badge", "profile-badge");
        profile.setMinWidth(Label.USE_PREF_SIZE);
        badge.setMinWidth(Label.USE_PREF_SIZE);
        StackPane avatar = Widgets.avatar(true);
        Label metrics = Widgets.label("", "metric");
        metrics.setId("historyMetrics");
        metrics.textProperty().bind(model.openedMetricsProperty());
        VBox who = new VBox(2, name, details, metrics);
        HBox chips = new HBox(6, profile, badge);
        chips.setAlignment(Pos.CENTER_RIGHT);
        HBox header = new HBox(avatar, who, new Spacer(), chips);
        header.getStyleClass().add("detail-header");

        TabPane tabs = new TabPane();
        tabs.setId("historyTabs");
        tabs.getTabs().add(Widgets.tab("Conversation", "fth-message-circle", new TranscriptView(model.transcript())));
        tabs.getTabs().addAll(InspectorTabs.create(model.inspector()));
        settingsPane.setFitToWidth(true);
        tabs.getTabs().add(Widgets.tab("Settings", "fth-sliders", settingsPane));
        javafx.scene.control.ScrollPane analysisPane = new javafx.scene.control.ScrollPane(
                new dev.switchboard.ui.analysis.AnalysisPanel(model.analysis()));
        analysisPane.setFitToWidth(true);
        analysisPane.setId("historyAnalysis");
        tabs.getTabs().add(Widgets.tab("Analysis", "fth-award", analysisPane));

        Button replay = Widgets.button("Replay", "fth-play", Styles.ACCENT);
        replay.setId("replayButton");
        replay.setTooltip(new Tooltip("Play the call back in a transcript at 1×, 4× or instantly"));
        replay.setOnAction(e -> actions.replay(model.opened()));
        Button markdown = Widgets.button("Markdown…", "fth-file-text", Styles.BUTTON_OUTLINED);
        markdown.setId("exportMarkdownButton");
        markdown.setTooltip(new Tooltip("A readable transcript with a header"));
        markdown.setOnAction(e -> actions.exportMarkdown());
        Button json = Widgets.button("JSON…", "fth-code", Styles.BUTTON_OUTLINED);
        json.setId("exportJsonButton");
        json.setTooltip(new Tooltip("Everything about the call, for tools (and for Open recording…)"));
        json.setOnAction(e -> actions.exportJson());
        CheckBox mask = new CheckBox("Mask caller numbers");
        mask.setId("maskCallerNumbers");
        mask.setTooltip(new Tooltip("Exports show only the last four digits of caller numbers"));
        mask.selectedProperty().bindBidirectional(model.maskCallerNumbersProperty());
        Label export = Widgets.label("Export", Styles.TEXT_MUTED);
        for (javafx.scene.control.Control c : java.util.List.of(replay, markdown, json, mask, export)) {
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        HBox actionsBar = new HBox(replay, new Spacer(), mask, new Separator(Orientation.VERTICAL), export,
                markdown, json);
        actionsBar.getStyleClass().add("detail-actions");

        BorderPane detail = new BorderPane(tabs);
        detail.setTop(header);
        detail.setBottom(actionsBar);
        Node empty = Widgets.emptyState("fth-headphones", "Select a call", Bindings.createStringBinding(
                () -> "Pick a call or a search match to read its transcript, events and settings as they were live."));
        detail.visibleProperty().bind(model.openedProperty().isNotNull());
        empty.visibleProperty().bind(model.openedProperty().isNull());

        Consumer<StoredCall> redraw = call -> {
            if (call == null) {
                return;
            }
            String display = call.caller().displayName();
            String number = call.caller().number();
            name.setText(display == null || display.isBlank() ? (number.isBlank() ? "Unknown caller" : number) : display);
            details.setText((number.isBlank() ? "" : number + "  →  ") + call.callee().number() + "   ·   "
                    + call.id() + (call.duration().isZero() ? "" : "   ·   " + dev.switchboard.ui.Formats.clock(call.duration())));
            Widgets.showState(badge, call.state());
            Widgets.showState(avatar, call.state());
            badge.setText(call.outcome());
            profile.setText(call.profileRef().map(p -> p.describe()).orElse(""));
            profile.setVisible(call.profile() != null);
            profile.setManaged(call.profile() != null);
            settingsPane.setContent(Windows.settingsSheet(call.settings(), call.profile()));
        };
        model.openedProperty().addListener((obs, old, call) -> redraw.accept(call));
        redraw.accept(model.opened());
        return new StackPane(detail, empty);
    }
}
