package dev.switchboard.app;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallState;
import dev.switchboard.call.TranscriptEntry;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Prints a call to stdout as it happens: one line per finished utterance ({@code [call_id] agent: …}) and
 * one per state change. Lines are printed when an utterance is final, so streaming never interleaves.
 */
final class HeadlessPrinter {

    private final PrintStream out;

    HeadlessPrinter(PrintStream out) {
        this.out = out;
    }

    void follow(Call call) {
        Set<String> printed = new HashSet<>();
        CallState[] lastState = {null};
        call.addListener((c, change) -> {
            if (change == CallChange.STATE) {
                printState(c, lastState);
            } else if (change == CallChange.TRANSCRIPT) {
                printFinished(c, printed);
            }
        });
        printState(call, lastState);
        out.flush();
    }

    private void printState(Call call, CallState[] lastState) {
        synchronized (out) {
            CallState state = call.state();
            if (state == lastState[0]) {
                return;
            }
            lastState[0] = state;
            String reason = call.stateReason();
            String who = state == CallState.RINGING ? " from " + call.caller().describe() + " to " + call.callee().number() : "";
            out.println("[" + call.id() + "] state: " + state.name().toLowerCase() + who
                    + (reason.isEmpty() ? "" : " (" + reason + ")"));
            out.flush();
        }
    }

    private void printFinished(Call call, Set<String> printed) {
        synchronized (out) {
            for (TranscriptEntry entry : call.transcript()) {
                if (entry.kind() == TranscriptEntry.Kind.DTMF || entry.kind() == TranscriptEntry.Kind.NOTE) {
                    if (printed.add(entry.key())) {
                        String label = entry.kind() == TranscriptEntry.Kind.DTMF ? "keypad" : "note";
                        out.println("[" + call.id() + "] " + label + ": " + entry.text());
                    }
                    continue;
                }
                if (!entry.isUtterance() || entry.status() == TranscriptEntry.Status.STREAMING
                        || entry.text().isBlank() || !printed.add(entry.key())) {
                    continue;
                }
                String text = entry.status() == TranscriptEntry.Status.FAILED ? "(" + entry.text() + ")" : entry.text();
                out.println("[" + call.id() + "] " + entry.speaker().label() + ": " + text.replace('\n', ' '));
            }
            out.flush();
        }
    }
}
