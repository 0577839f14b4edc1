package dev.switchboard.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Both speakers' words, assembled by conversation {@code item_id}. An item takes its place when it is
 * first seen (or right after its {@code previous_item_id}), so a caller transcription that completes
 * after the agent already answered still lands before the answer. Not thread-safe: {@link Call} guards it.
 */
final class Transcript {

    private static final class Line {
        final String key;
        final TranscriptEntry.Kind kind;
        Speaker speaker;
        final StringBuilder text = new StringBuilder();
        TranscriptEntry.Status status = TranscriptEntry.Status.STREAMING;
        final Instant at;

        Line(String key, TranscriptEntry.Kind kind, Speaker speaker, Instant at) {
            this.key = key;
            this.kind = kind;
            this.speaker = speaker;
            this.at = at;
        }

        TranscriptEntry view() {
            return new TranscriptEntry(key, kind, speaker, text.toString(), status, at);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Map<String, Line> byKey = new HashMap<>();
    private int markers;

    /** Makes sure an item has its place; returns true if it was new. */
    boolean ensureItem(String itemId, Speaker speaker, String previousItemId, Instant at) {
        Line existing = byKey.get(itemId);
        if (existing != null) {
            if (speaker != null) {
                existing.speaker = speaker;
            }
            return false;
        }
        Line line = new Line(itemId, TranscriptEntry.Kind.UTTERANCE, speaker, at);
        int index = lines.size();
        Line previous = previousItemId == null ? null : byKey.get(previousItemId);
        if (previous != null) {
            index = lines.indexOf(previous) + 1;
        }
        lines.add(index, line);
        byKey.put(itemId, line);
        return true;
    }

    boolean hasItem(String itemId) {
        return byKey.containsKey(itemId);
    }

    /** Appends streamed text; ignored once the item is final. */
    void appendDelta(String itemId, Speaker speaker, String delta, Instant at) {
        ensureItem(itemId, speaker, null, at);
        Line line = byKey.get(itemId);
        if (line.status == TranscriptEntry.Status.STREAMING) {
            line.text.append(delta);
        }
    }

    /** The final text replaces whatever streamed, so a missed or repeated delta cannot survive. */
    void complete(String itemId, Speaker speaker, String finalText, Instant at) {
        ensureItem(itemId, speaker, null, at);
        Line line = byKey.get(itemId);
        if (finalText != null) {
            line.text.setLength(0);
            line.text.append(finalText);
        }
        line.status = TranscriptEntry.Status.DONE;
    }

    void fail(String itemId, Speaker speaker, String reason, Instant at) {
        ensureItem(itemId, speaker, null, at);
        Line line = byKey.get(itemId);
        if (line.text.length() == 0 && reason != null) {
            line.text.append(reason);
        }
        line.status = TranscriptEntry.Status.FAILED;
    }

    void marker(TranscriptEntry.Kind kind, String text, Instant at) {
        Line line = new Line("marker-" + (++markers), kind, null, at);
        line.text.append(text);
        line.status = TranscriptEntry.Status.DONE;
        lines.add(line);
        byKey.put(line.key, line);
    }

    String text(String itemId) {
        Line line = byKey.get(itemId);
        return line == null ? null : line.text.toString();
    }

    List<TranscriptEntry> snapshot() {
        List<TranscriptEntry> out = new ArrayList<>(lines.size());
        for (Line line : lines) {
            out.add(line.view());
        }
        return out;
    }

    /** Lines still streaming are closed as they are when the call ends. */
    void closeStreaming() {
        for (Line line : lines) {
            if (line.status == TranscriptEntry.Status.STREAMING) {
                line.status = TranscriptEntry.Status.DONE;
            }
        }
    }
}
