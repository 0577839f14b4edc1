package dev.switchboard.app;

import dev.switchboard.store.HistoryStore;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.IncomingCallJournal;
import java.time.Instant;

/** The webhook listener's journal on the call history: each verified call is committed before its 200. */
final class HistoryJournal implements IncomingCallJournal {

    private final HistoryStore history;

    HistoryJournal(HistoryStore history) {
        this.history = history;
    }

    @Override
    public void record(IncomingCall call, Instant receivedAt) throws Exception {
        history.incomingCalls().record(call.callId(), call.sipHeaders(), receivedAt);
    }

    @Override
    public void rehearse(IncomingCall call, Instant receivedAt) throws Exception {
        history.incomingCalls().rehearse(call.callId(), call.sipHeaders(), receivedAt);
    }
}
