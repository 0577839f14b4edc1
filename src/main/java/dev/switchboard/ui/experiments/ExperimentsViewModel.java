package dev.switchboard.ui.experiments;

import dev.switchboard.history.ArmStats;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.ui.UiTasks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The experiment view: the newest experiment's arms (calls, latencies, interruptions, cost, tool errors, outcomes,
 * mean score) and the verdict; start an A/B of saved profiles, stop it. Storage runs through {@link UiTasks}.
 */
public final class ExperimentsViewModel {

    /** One arm as the table shows it: every value already text. */
    public record ArmRow(String arm, String calls, String greetingP50, String turnP50, String interruptions,
                         String cost, String toolErrors, String transferred, String hungUp, String meanScore) {
    }

    private final ExperimentService service;
    private final UiTasks tasks;
    private ExperimentResult shown;
    private final ObservableList<ArmRow> arms = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No experiment yet");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public ExperimentsViewModel(ExperimentService service, UiTasks tasks) {
        this.service = service;
        this.tasks = tasks;
    }

    public ObservableList<ArmRow> arms() {
        return arms;
    }

    public ReadOnlyStringProperty title() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdict() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** Loads the newest experiment's result. */
    public void refresh() {
        tasks.run(() -> {
            List<ExperimentInfo> all = service.experiments();
            return all.isEmpty() ? null : service.result(all.get(0).id());
        }, this::show, error -> status.set("Could not load the experiment: " + error));
    }

    /** "Support A, Support B": starts an alternating experiment of their latest versions. */
    public void start(String profileNames) {
        List<String> names = Arrays.stream(profileNames.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.size() < 2) {
            status.set("Name two or more saved profiles, separated by commas.");
            return;
        }
        tasks.run(() -> service.start("A/B", names, names.stream().map(n -> 1.0).toList()),
                info -> {
                    status.set("Running: new calls alternate " + String.join(", ", names) + ".");
                    refresh();
                }, error -> status.set("Could not start: " + error));
    }

    public void stop() {
        tasks.run(() -> {
            service.stop();
            return true;
        }, done -> status.set("Stopped: new calls get no experiment arm."), error -> status.set(error));
    }

    /**
     * Writes the shown experiment as one self-contained HTML page into {@code file} (numbers masked with
     * {@code presenter}).
     */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> saveReport(java.nio.file.Path file, boolean presenter) {
        ExperimentResult result = shown;
        if (result == null) {
            status.set("No experiment to report on yet.");
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("no experiment"));
        }
        long id = result.experiment().id();
        return tasks.run(() -> {
            try {
                return java.nio.file.Files.writeString(file, service.reportHtml(id, presenter));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
            }
        }, path -> status.set("Saved the report to " + path.getFileName() + "."),
                error -> status.set("Could not save the report: " + error));
    }

    void show(ExperimentResult result) {
        shown = result;
        if (result == null) {
            title.set("No experiment yet");
            arms.clear();
            verdict.set("");
            return;
        }
        ExperimentInfo info = result.experiment();
        title.set(info.describe() + (info.stoppedAt().isPresent() ? " (stopped)" : " (running)"));
        arms.setAll(result.arms().stream().map(ExperimentsViewModel::row).toList());
        verdict.set(result.verdict());
    }

    static ArmRow row(ArmStats a) {
        return new ArmRow(a.profile().describe(), Integer.toString(a.calls()), ms(a.greetingP50Ms()),
                ms(a.turnP50Ms()), a.interruptionsPerCall() < 0 ? "-" : fmt("%.1f", a.interruptionsPerCall()),
                a.costPerCallUsd() < 0 ? "-" : fmt("$%.4f", a.costPerCallUsd()), Integer.toString(a.toolErrors()),
                Integer.toString(a.transferred()), Integer.toString(a.hungUp()),
                a.meanScore() < 0 ? "-" : fmt("%.1f", a.meanScore()) + " (n=" + a.analysed() + ")");
    }

    private static String ms(long ms) {
        return ms < 0 ? "-" : ms + " ms";
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
