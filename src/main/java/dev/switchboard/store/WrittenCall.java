package dev.switchboard.store;

import dev.switchboard.history.StateChange;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.TranscriptEntry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What has been written for one call; touched only by the writer thread. Every write is idempotent (upserts
 * keyed by call and position), so after a failed transaction {@link #forget} makes the next sync rewrite it all.
 */
final class WrittenCall {
    final Call call;
    final StateChange initial;
    boolean inserted;
    int events;
    int usage;
    int states;
    CallState lastState;
    String summary = "";
    AcceptSettings settings;
    final Map<String, TranscriptEntry> entries = new HashMap<>();
    final Map<String, Integer> seqs = new HashMap<>();
    final Map<Milestone, Instant> milestones = new EnumMap<>(Milestone.class);

    WrittenCall(Call call, StateChange initial) {
        this.call = call;
        this.initial = initial;
    }

    void forget(int statesBefore, CallState lastStateBefore) {
        inserted = false;
        events = 0;
        usage = 0;
        states = statesBefore;
        lastState = lastStateBefore;
        summary = "";
        settings = null;
        entries.clear();
        seqs.clear();
        milestones.clear();
    }
}
