package dev.switchboard.store;

import dev.switchboard.call.TranscriptEntry;
import java.util.List;

/**
 * What one recorder transaction made durable: told to {@link CallRecorder#onCommit} listeners right after the
 * commit, on the writer thread.
 *
 * @param events     raw events, by call id and their index in the call's event list
 * @param entries    transcript entries inserted or changed, with the text and status now stored
 */
public record CommitBatch(List<EventRef> events, List<EntryRef> entries) {

    public record EventRef(String callId, int seq, String type) {
    }

    public record EntryRef(String callId, String key, String text, TranscriptEntry.Status status) {
    }

    public CommitBatch {
        events = List.copyOf(events);
        entries = List.copyOf(entries);
    }
}
