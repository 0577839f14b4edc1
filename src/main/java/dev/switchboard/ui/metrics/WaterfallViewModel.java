package dev.switchboard.ui.metrics;

import dev.switchboard.call.Call;
import dev.switchboard.call.Turn;
import dev.switchboard.call.TurnStats;
import dev.switchboard.ui.Formats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shown call's turns as waterfall bars (wait, tool time, agent speaking) with their cost, and the call's
 * p50 / p95 / max and greeting latency. Rebuilt only when the turns changed. FX thread only.
 */
public final class WaterfallViewModel {

    /** One answered turn: how long the caller waited, the tool's share of that, how long the agent spoke. */
    public record Bar(int turn, long waitMs, long toolMs, long speakingMs, String cost, boolean interrupted) {

        public long totalMs() {
            return waitMs + speakingMs;
        }

        public String label() {
            return "Turn " + turn;
        }

        public String describe() {
            return label() + ": waited " + waitMs + " ms" + (toolMs > 0 ? " (tool " + toolMs + " ms)" : "")
                    + ", agent spoke " + speakingMs + " ms" + (interrupted ? ", interrupted" : "") + ", " + cost;
        }
    }

    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private Call call;
    private long seenRevision = -1;

    public void show(Call next) {
        call = next;
        seenRevision = -1;
        refresh();
    }

    public void refresh() {
        if (call == null) {
            bars.clear();
            summary.set("");
            return;
        }
        long revision = call.revision();
        if (revision == seenRevision) {
            return;
        }
        seenRevision = revision;
        List<Bar> now = new ArrayList<>();
        for (Turn t : call.turns().turns()) {
            long tool = t.toolTime().map(Duration::toMillis).orElse(0L);
            now.add(new Bar(t.number(), t.latency().toMillis(), Math.min(tool, t.latency().toMillis()),
                    t.speaking().map(Duration::toMillis).orElse(0L), Formats.usd(t.costUsd()), t.interrupted()));
        }
        if (!now.equals(bars)) {
            bars.setAll(now);
        }
        summary.set(summaryOf(call.turns().stats()));
    }

    static String summaryOf(TurnStats s) {
        StringBuilder out = new StringBuilder();
        out.append(s.turns()).append(s.turns() == 1 ? " turn" : " turns");
        if (s.turns() > 0) {
            out.append(" · p50 ").append(Formats.seconds(s.p50().orElseThrow()))
                    .append(" · p95 ").append(Formats.seconds(s.p95().orElseThrow()))
                    .append(" · max ").append(Formats.seconds(s.max().orElseThrow()));
        }
        s.greetingLatency().ifPresent(g -> out.append(" · greeting ").append(Formats.seconds(g)));
        out.append(" · ").append(s.interruptions()).append(s.interruptions() == 1 ? " interruption" : " interruptions");
        out.append(" · cost ").append(Formats.usd(s.costUsd()));
        return out.toString();
    }

    public ObservableList<Bar> bars() {
        return bars;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
