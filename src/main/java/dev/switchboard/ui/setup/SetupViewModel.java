package dev.switchboard.ui.setup;

import dev.switchboard.config.SetupStore;

import dev.switchboard.setup.CheckResult;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.ui.UiDispatcher;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The setup screen: public URL and project id (kept in a {@link SetupStore}), "Run checks" off the FX thread, one
 * {@link SetupRow} per result, the SIP URI for the trunk. Properties only: tested without the toolkit.
 */
public final class SetupViewModel {

    public static final String NOT_RUN = "Run the checks to see what a real call still needs.";
    public static final String RUNNING = "Checking… (the public URL check waits up to 10 s for the test webhook)";
    private static final Pattern PROJECT_ID = Pattern.compile("proj_[A-Za-z0-9]{6,64}");

    private final SetupRunner runner;
    private final SetupStore store;
    private final Executor background;
    private final UiDispatcher dispatcher;
    private final StringProperty publicUrl = new SimpleStringProperty(this, "publicUrl", "");
    private final StringProperty projectId = new SimpleStringProperty(this, "projectId", "");
    private final ObservableList<SetupRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty anyFailed = new SimpleBooleanProperty(this, "anyFailed");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", NOT_RUN);
    private final StringProperty saveProblem = new SimpleStringProperty(this, "saveProblem", "");
    private final StringBinding sipUri;

    /**
     * @param background where the blocking checklist runs (a daemon thread in the app, the calling thread in tests)
     * @param dispatcher brings the results back onto the FX thread
     */
    public SetupViewModel(SetupRunner runner, SetupStore store, Executor background, UiDispatcher dispatcher) {
        this.runner = runner;
        this.store = store;
        this.background = background;
        this.dispatcher = dispatcher;
        // a file read: off the FX thread, the fields fill in when it is done (unless the person typed already)
        background.execute(() -> {
            SetupStore.Fields fields = store.load();
            dispatcher.run(() -> {
                if (publicUrl.get().isEmpty()) {
                    publicUrl.set(fields.publicUrl());
                }
                if (projectId.get().isEmpty()) {
                    projectId.set(fields.projectId());
                }
            });
        });
        sipUri = Bindings.createStringBinding(() -> {
            String id = projectId.get() == null ? "" : projectId.get().trim();
            return PROJECT_ID.matcher(id).matches() ? SetupChecklist.sipUri(id) : "";
        }, projectId);
    }

    /** Saves the fields and runs every check; completes (on the dispatcher) once the rows show the results. */
    public CompletableFuture<List<CheckResult>> run() {
        CompletableFuture<List<CheckResult>> done = new CompletableFuture<>();
        if (running.get()) {
            done.cancel(false);
            return done;
        }
        String url = publicUrl.get() == null ? "" : publicUrl.get().trim();
        String id = projectId.get() == null ? "" : projectId.get().trim();
        running.set(true);
        summary.set(RUNNING);
        saveProblem.set("");
        background.execute(() -> {
            String problem = "";
            try {
                store.save(new SetupStore.Fields(url, id));
            } catch (IOException | RuntimeException e) {
                problem = "Could not save the URL and project id (" + e.getMessage() + "); they are used for this run only.";
            }
            List<CheckResult> results;
            try {
                results = List.copyOf(runner.run(url, id));
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                String saveNote = problem;
                dispatcher.run(() -> {
                    running.set(false);
                    saveProblem.set(saveNote);
                    summary.set("The checks could not run: " + message);
                    done.completeExceptionally(e);
                });
                return;
            }
            String saveNote = problem;
            dispatcher.run(() -> {
                saveProblem.set(saveNote);
                show(results);
                done.complete(results);
            });
        });
        return done;
    }

    /** Shows results (also for results from elsewhere, e.g. the first-run check). */
    public void show(List<CheckResult> results) {
        running.set(false);
        rows.setAll(results.stream().map(SetupRow::of).toList());
        long failed = results.stream().filter(CheckResult::failed).count();
        anyFailed.set(failed > 0);
        summary.set(summaryOf(results.size(), failed));
    }

    static String summaryOf(int total, long failed) {
        if (total == 0) {
            return NOT_RUN;
        }
        if (failed == 0) {
            return "All " + total + " checks passed: calls to your number will ring here.";
        }
        return failed + " of " + total + " checks failed. Fix them from the top, then run the checks again.";
    }

    public StringProperty publicUrlProperty() {
        return publicUrl;
    }

    public StringProperty projectIdProperty() {
        return projectId;
    }

    public ObservableList<SetupRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty anyFailedProperty() {
        return anyFailed;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem;
    }

    /** {@code sip:proj_…@sip.api.openai.com;transport=tls} for a well-formed project id, else empty. */
    public StringBinding sipUriProperty() {
        return sipUri;
    }
}
