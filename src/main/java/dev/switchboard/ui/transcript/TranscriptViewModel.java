package dev.switchboard.ui.transcript;

import dev.switchboard.call.Call;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.ui.Formats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The transcript of the shown call as lines that update in place: a streaming delta changes one line's text
 * instead of rebuilding the list, so the view only re-renders the bubble that grew. FX thread only.
 */
public final class TranscriptViewModel {

    private final ObservableList<TranscriptLine> lines = FXCollections.observableArrayList();
    private final Map<String, TranscriptLine> byKey = new HashMap<>();
    private final BooleanProperty callerSpeaking = new SimpleBooleanProperty(this, "callerSpeaking");
    private final BooleanProperty agentSpeaking = new SimpleBooleanProperty(this, "agentSpeaking");
    private Call call;
    private long seenRevision = -1;

    /** Shows another call (or none). */
    public void show(Call next) {
        call = next;
        seenRevision = -1;
        lines.clear();
        byKey.clear();
        refresh();
    }

    public Call call() {
        return call;
    }

    /** Brings the lines up to date with the call; does nothing when the call did not change. */
    public void refresh() {
        if (call == null) {
            callerSpeaking.set(false);
            agentSpeaking.set(false);
            return;
        }
        long revision = call.revision();
        if (revision == seenRevision) {
            return;
        }
        seenRevision = revision;
        List<TranscriptEntry> entries = call.transcript();
        int i = 0;
        // Lines keep their places except when an item is slotted in earlier (placed by previous_item_id);
        // from the first mismatch on, the tail is rebuilt.
        while (i < lines.size() && i < entries.size() && lines.get(i).key().equals(entries.get(i).key())) {
            lines.get(i).update(entries.get(i));
            i++;
        }
        if (i < lines.size() || i < entries.size()) {
            List<TranscriptLine> tail = new ArrayList<>();
            for (TranscriptEntry entry : entries.subList(i, entries.size())) {
                TranscriptLine line = byKey.computeIfAbsent(entry.key(),
                        k -> new TranscriptLine(entry, Formats.sinceStart(call.createdAt(), entry.at())));
                line.update(entry);
                tail.add(line);
            }
            if (i < lines.size()) {
                lines.remove(i, lines.size());
            }
            lines.addAll(tail);
        }
        for (TranscriptLine line : lines) {
            if (line.isUtterance() && line.speaker() == Speaker.AGENT) {
                line.useReply(call.turns().reply(line.key()).orElse(null));
            } else if (line.isUtterance() && line.speaker() == Speaker.CALLER) {
                line.useSegments(call.turns().segments(line.key()));
            }
        }
        callerSpeaking.set(call.isSpeaking(Speaker.CALLER));
        agentSpeaking.set(call.isSpeaking(Speaker.AGENT));
    }

    public ObservableList<TranscriptLine> lines() {
        return lines;
    }

    public ReadOnlyBooleanProperty callerSpeakingProperty() {
        return callerSpeaking;
    }

    public ReadOnlyBooleanProperty agentSpeakingProperty() {
        return agentSpeaking;
    }

    /** The whole transcript as plain text, one line per entry. */
    public String copyAllText() {
        return lines.stream().map(TranscriptLine::copyText).collect(Collectors.joining("\n"));
    }
}
