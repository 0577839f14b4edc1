package dev.switchboard.ui.inspector;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.PresenterMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The inspector's tabs: Events, Timeline, Usage, SIP headers. */
public final class InspectorTabs {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private InspectorTabs() {
    }

    public static List<Tab> create(InspectorViewModel model) {
        return create(model, new PresenterMode());
    }

    /** The tabs, with numbers in SIP headers and event JSON masked while {@code presenter} is on. */
    public static List<Tab> create(InspectorViewModel model, PresenterMode presenter) {
        return List.of(
                tab("eventsTab", "Events", "fth-list", events(model, presenter)),
                tab("timelineTab", "Timeline", "fth-git-commit", timeline(model)),
                tab("usageTab", "Usage", "fth-bar-chart-2", usage(model)),
                tab("sipHeadersTab", "SIP headers", "fth-file-text", headers(model, presenter)));
    }

    private static Tab tab(String id, String title, String icon, javafx.scene.Node content) {
        Tab tab = Widgets.tab(title, icon, content);
        tab.setId(id);
        return tab;
    }

    private static BorderPane events(InspectorViewModel model, PresenterMode presenter) {
        ComboBox<String> filter = new ComboBox<>(model.eventTypes());
        filter.setId("eventTypeFilter");
        filter.valueProperty().bindBidirectional(model.typeFilterProperty());
        filter.setPrefWidth(320);
        Label count = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        count.textProperty().bind(javafx.beans.binding.Bindings.size(model.filteredEvents()).asString("%d events"));

        ListView<RawEvent> list = new ListView<>(model.filteredEvents());
        list.setId("eventList");
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RawEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null
                        : TIME.format(e.at()) + "  " + (e.direction() == RawEvent.Direction.IN ? "←" : "→") + "  " + e.type());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> model.selectedEventProperty().set(e));

        TextArea json = new TextArea();
        json.setId("eventJson");
        json.setEditable(false);
        json.getStyleClass().addAll("monospace", "json-view");
        json.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> presenter.text(model.selectedJsonProperty().get()), model.selectedJsonProperty(),
                presenter.activeProperty()));
        json.setPromptText("Select an event to read its JSON.");
        Button copy = Widgets.button("Copy JSON", "fth-copy", Styles.FLAT, Styles.SMALL);
        copy.disableProperty().bind(model.selectedJsonProperty().isEmpty());
        copy.setOnAction(e -> Widgets.copyToClipboard(model.selectedJsonProperty().get()));
        BorderPane jsonPane = new BorderPane(json);
        HBox jsonBar = new HBox(new Spacer(), copy);
        jsonBar.setPadding(new Insets(4));
        jsonPane.setTop(jsonBar);

        SplitPane split = new SplitPane(list, jsonPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        HBox bar = new HBox(10, Widgets.icon("fth-filter"), filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        BorderPane pane = new BorderPane(split);
        pane.setTop(bar);
        return pane;
    }

    private static TableView<InspectorViewModel.TimelineRow> timeline(InspectorViewModel model) {
        TableView<InspectorViewModel.TimelineRow> table = table(model.timeline(), "No milestones yet.");
        table.setId("timelineTable");
        table.getColumns().add(column("Milestone", InspectorViewModel.TimelineRow::milestone));
        table.getColumns().add(column("Since webhook", InspectorViewModel.TimelineRow::sinceStart));
        table.getColumns().add(column("Gap from previous", InspectorViewModel.TimelineRow::gapMs));
        return table;
    }

    private static TableView<InspectorViewModel.UsageRow> usage(InspectorViewModel model) {
        TableView<InspectorViewModel.UsageRow> table = table(model.usage(), "No response has finished yet.");
        table.setId("usageTable");
        table.getColumns().add(column("Response", InspectorViewModel.UsageRow::response));
        table.getColumns().add(number("Input tokens", InspectorViewModel.UsageRow::inputTokens));
        table.getColumns().add(number("Output tokens", InspectorViewModel.UsageRow::outputTokens));
        table.getColumns().add(number("Total tokens", InspectorViewModel.UsageRow::totalTokens));
        return table;
    }

    private static TableView<SipHeader> headers(InspectorViewModel model, PresenterMode presenter) {
        TableView<SipHeader> table = table(model.headers(), "No SIP headers.");
        table.setId("sipHeadersTable");
        TableColumn<SipHeader, String> name = column("Header", SipHeader::name);
        name.setMaxWidth(220);
        table.getColumns().add(name);
        TableColumn<SipHeader, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(
                () -> presenter.text(c.getValue().value()), presenter.activeProperty()));
        table.getColumns().add(value);
        return table;
    }

    private static <T> TableView<T> table(ObservableList<T> rows, String empty) {
        TableView<T> table = new TableView<>(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setPlaceholder(Widgets.label(empty, Styles.TEXT_MUTED));
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static <T> TableColumn<T, Long> number(String title, Function<T, Long> value) {
        TableColumn<T, Long> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }
}
