package dev.switchboard.ui.experiments;

import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.ui.MenuContribution;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.Windows;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** History → Experiments…: the prompt experiment's arms side by side with the verdict; start and stop an A/B. */
public final class ExperimentsWindow {

    private ExperimentsWindow() {
    }

    public static MenuContribution contribution(Supplier<Window> owner, Optional<ExperimentService> service,
                                                UiTasks tasks) {
        return contribution(owner, service, tasks, new dev.switchboard.ui.PresenterMode());
    }

    /** @param presenter a saved report masks numbers while presenter mode is on */
    public static MenuContribution contribution(Supplier<Window> owner, Optional<ExperimentService> service,
                                                UiTasks tasks, dev.switchboard.ui.PresenterMode presenter) {
        var item = new javafx.scene.control.MenuItem("Experiments…", Widgets.icon("fth-shuffle"));
        item.setId("experimentsMenuItem");
        item.setOnAction(e -> service.ifPresent(s -> open(owner.get(), s, tasks, presenter)));
        item.setDisable(service.isEmpty());
        return new MenuContribution(MenuContribution.HISTORY, List.of(item), List.of());
    }

    public static Stage open(Window owner, ExperimentService service, UiTasks tasks) {
        return open(owner, service, tasks, new dev.switchboard.ui.PresenterMode());
    }

    public static Stage open(Window owner, ExperimentService service, UiTasks tasks,
                             dev.switchboard.ui.PresenterMode presenter) {
        ExperimentsViewModel model = new ExperimentsViewModel(service, tasks);
        Label title = Widgets.label("", "title-3");
        title.setId("experimentTitle");
        title.textProperty().bind(model.title());
        TableView<ExperimentsViewModel.ArmRow> table = new TableView<>(model.arms());
        table.setId("experimentArms");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(table, "Arm", ExperimentsViewModel.ArmRow::arm);
        column(table, "Calls", ExperimentsViewModel.ArmRow::calls);
        column(table, "Greeting p50", ExperimentsViewModel.ArmRow::greetingP50);
        column(table, "Turn p50", ExperimentsViewModel.ArmRow::turnP50);
        column(table, "Interruptions/call", ExperimentsViewModel.ArmRow::interruptions);
        column(table, "Cost/call", ExperimentsViewModel.ArmRow::cost);
        column(table, "Tool errors", ExperimentsViewModel.ArmRow::toolErrors);
        column(table, "Transferred", ExperimentsViewModel.ArmRow::transferred);
        column(table, "Hung up", ExperimentsViewModel.ArmRow::hungUp);
        column(table, "Mean score", ExperimentsViewModel.ArmRow::meanScore);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label verdict = new Label();
        verdict.setId("experimentVerdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdict());
        TextField profiles = new TextField();
        profiles.setId("experimentProfiles");
        profiles.setPromptText("Saved profiles, e.g. Support A, Support B");
        HBox.setHgrow(profiles, Priority.ALWAYS);
        Button start = Widgets.button("Start A/B", "fth-play");
        start.setId("startExperimentButton");
        start.setOnAction(e -> model.start(profiles.getText()));
        Button stop = Widgets.button("Stop", "fth-square");
        stop.setId("stopExperimentButton");
        stop.setOnAction(e -> model.stop());
        Button refresh = Widgets.button("Refresh", "fth-refresh-cw");
        refresh.setId("refreshExperimentButton");
        refresh.setOnAction(e -> model.refresh());
        Button report = Widgets.button("Save report…", "fth-file-text");
        report.setId("saveExperimentReportButton");
        report.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Save the experiment report");
            chooser.setInitialFileName("experiment.html");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("HTML page", "*.html"));
            java.io.File file = chooser.showSaveDialog(report.getScene().getWindow());
            if (file != null) {
                model.saveReport(file.toPath(), presenter.isActive());
            }
        });
        HBox controls = new HBox(8, profiles, start, stop, refresh, report);
        VBox root = new VBox(10, title, table, verdict, controls, Windows.statusBar(model.status(), "experimentStatus"));
        root.setPadding(new Insets(14));
        Stage stage = Windows.stage(owner, "Experiments", root, 1000, 420, () -> { });
        stage.show();
        model.refresh();
        return stage;
    }

    private static void column(TableView<ExperimentsViewModel.ArmRow> table, String name,
                               Function<ExperimentsViewModel.ArmRow, String> value) {
        TableColumn<ExperimentsViewModel.ArmRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(row -> new SimpleStringProperty(value.apply(row.getValue())));
        table.getColumns().add(c);
    }
}
