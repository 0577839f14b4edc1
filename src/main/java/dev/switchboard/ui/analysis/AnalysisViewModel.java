package dev.switchboard.ui.analysis;

import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.RubricScore;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.ui.UiTasks;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The post-call analysis of one ended call, for the live window's ended-call panel and the history window: the
 * summary, the outcome, a score with its reason per rubric item, or the reason it failed with Retry. Right after a
 * call ends its analysis is usually still running, so {@link #show(String, boolean)} can wait for it (checking
 * again every few seconds for a minute). FX thread only; the history is read through {@link UiTasks}.
 */
public final class AnalysisViewModel {

    /** What the panel shows. */
    public enum State { NONE, WAITING, DONE, FAILED, RETRYING }

    /** One rubric item: "Empathy", "4/5", its one-line reason. */
    public record ScoreRow(String item, String score, String reason) {

        static ScoreRow of(RubricScore s) {
            return new ScoreRow(s.item(), s.score() + "/5", s.reason());
        }
    }

    static final long RECHECK_MS = 2_000;
    static final int RECHECKS = 30;

    private final Optional<HistoryService> history;
    private final UiTasks tasks;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.NONE);
    private final StringProperty headline = new SimpleStringProperty(this, "headline", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final BooleanProperty retryable = new SimpleBooleanProperty(this, "retryable");
    private final ObservableList<ScoreRow> scores = FXCollections.observableArrayList();
    private String callId;
    private long generation;
    private ScheduledFuture<?> recheck;

    public AnalysisViewModel(Optional<HistoryService> history, UiTasks tasks) {
        this.history = history;
        this.tasks = tasks;
    }

    /** False without a history (then the panel stays hidden). */
    public boolean isAvailable() {
        return history.isPresent();
    }

    /**
     * Shows the analysis of this stored call; with {@code awaitIt}, a call without one yet shows "waiting" and is
     * checked again until its analysis is stored (or a minute passes). Showing the same call again is a no-op.
     */
    public void show(String id, boolean awaitIt) {
        if (id != null && id.equals(callId)) {
            return;
        }
        clear();
        callId = id;
        if (id == null || history.isEmpty()) {
            return;
        }
        if (awaitIt) {
            state.set(State.WAITING);
            headline.set("Waiting for the analysis…");
        }
        load(++generation, awaitIt ? RECHECKS : 0);
    }

    /** Shows nothing (a live or ringing call). */
    /** Shows the analysis of the shown call once it has ended (waiting for it when it only just ended). */
    public void follow(dev.switchboard.ui.CallRowViewModel row) {
        if (row == null || !row.call().state().isTerminal()) {
            clear();
        } else {
            show(row.call().id(), true);
        }
    }

    public void clear() {
        generation++;
        callId = null;
        cancelRecheck();
        apply(null);
    }

    /** Reads the stored analysis again now. */
    public CompletableFuture<Optional<CallAnalysis>> refresh() {
        return callId == null ? CompletableFuture.completedFuture(Optional.empty()) : load(++generation, 0);
    }

    private CompletableFuture<Optional<CallAnalysis>> load(long gen, int rechecksLeft) {
        String id = callId;
        HistoryService h = history.get();
        return tasks.run(() -> h.analysis(id), found -> {
            if (gen != generation) {
                return;
            }
            if (found.isPresent() || rechecksLeft <= 0) {
                apply(found.orElse(null));
            } else {
                recheck = tasks.timer().schedule(() -> tasks.dispatcher().run(() -> {
                    if (gen == generation) {
                        load(gen, rechecksLeft - 1);
                    }
                }), RECHECK_MS, TimeUnit.MILLISECONDS);
            }
        }, reason -> {
            if (gen == generation) {
                apply(null);
                error.set("Could not read the analysis: " + reason);
            }
        });
    }

    /** Runs the analysis again (after a failure) and shows the new result. */
    public CompletableFuture<CallAnalysis> retry() {
        if (callId == null || history.isEmpty() || state.get() == State.RETRYING) {
            return CompletableFuture.failedFuture(new IllegalStateException("nothing to retry"));
        }
        long gen = ++generation;
        cancelRecheck();
        state.set(State.RETRYING);
        retryable.set(false);
        headline.set("Analysing the call again…");
        HistoryService h = history.get();
        String id = callId;
        return tasks.run(() -> h.analyzeAgain(id).join(), result -> {
            if (gen == generation) {
                apply(result);
            }
        }, reason -> {
            if (gen == generation) {
                apply(CallAnalysis.failed(id, "", reason, null));
            }
        });
    }

    private void apply(CallAnalysis analysis) {
        cancelRecheck();
        scores.clear();
        summary.set("");
        error.set("");
        if (analysis == null) {
            state.set(State.NONE);
            headline.set(callId == null ? "" : "No analysis for this call.");
            retryable.set(false);
        } else if (analysis.isDone()) {
            state.set(State.DONE);
            headline.set("Score " + analysis.meanScoreText()
                    + (analysis.outcome().isEmpty() ? "" : " · " + analysis.outcome()));
            summary.set(analysis.summary());
            scores.setAll(analysis.scores().stream().map(ScoreRow::of).toList());
            retryable.set(false);
        } else {
            state.set(State.FAILED);
            headline.set("The analysis failed.");
            error.set(analysis.error().isEmpty() ? "No reason was given." : analysis.error());
            retryable.set(true);
        }
    }

    private void cancelRecheck() {
        if (recheck != null) {
            recheck.cancel(false);
            recheck = null;
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    /** "Score 4.3 · resolved", "The analysis failed.", "Waiting for the analysis…" or empty. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Why it failed, in plain words; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Retry is offered when the stored analysis failed. */
    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable;
    }

    public ObservableList<ScoreRow> scores() {
        return scores;
    }

    /** The call shown, or null. */
    public String callId() {
        return callId;
    }
}
