package dev.switchboard.app;

import dev.switchboard.call.Alert;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallState;
import dev.switchboard.call.CallWarning;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.call.TurnStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import dev.switchboard.util.Threads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints a call to stdout as it happens: one line per finished utterance ({@code [call_id] agent: …}) and
 * one per state change. Lines are printed when an utterance is final, so streaming never interleaves.
 * Health problems print as {@code [call_id] warning: …} when they happen; when the call ends, one line
 * {@code [call_id] summary: turns=N greeting_ms=N turn_p50_ms=N turn_max_ms=N interruptions=N cost_usd=N.NNNN}.
 * A value that is unknown (no greeting, no answered turn, a model without a price) prints as {@code -1}
 * ({@code -1.0000} for the cost), so the line keeps one shape for scripts.
 *
 * <p>With a {@code durable} hook (the history recorder's flush), a line is printed only once what it reports is
 * committed: whoever reads the output and then the store never finds the store behind.
 */
final class HeadlessPrinter {

    private final PrintStream out;
    private final Supplier<CompletableFuture<Void>> durable;
    /** Lines wait for their commit in order: each print runs after the one before it. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    /**
     * Lines are queued here, not on the caller's thread: a call's first line is emitted on its way to the accept,
     * and neither the commit it waits for nor the write to stdout should stand in front of it.
     */
    private final ExecutorService printing = Executors.newSingleThreadExecutor(Threads.daemon("switchboard-print"));
    private final Set<String> ended = new HashSet<>();

    HeadlessPrinter(PrintStream out) {
        this(out, () -> CompletableFuture.completedFuture(null));
    }

    HeadlessPrinter(PrintStream out, Supplier<CompletableFuture<Void>> durable) {
        this.out = out;
        this.durable = durable;
    }

    /** Waits (a bounded while) until every line emitted so far is printed. */
    void awaitPrinted() {
        try {
            awaitQueued();
            CompletableFuture<Void> last;
            synchronized (this) {
                last = tail;
            }
            last.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // printing is best effort at exit
        }
    }

    /** Waits (a bounded while) until every line emitted so far waits for its commit or is printed. */
    void awaitQueued() throws Exception {
        CompletableFuture.runAsync(() -> { }, printing).get(10, TimeUnit.SECONDS);
    }

    /** Lines from after the call (analysis, report), printed once what they report is committed. */
    void emitLines(List<String> lines) {
        emit(lines);
    }

    /** True the first time a call is seen ended (so post-call work starts once). */
    boolean markEnded(String callId) {
        synchronized (ended) {
            return ended.add(callId);
        }
    }

    private void emit(List<String> lines) {
        if (!lines.isEmpty()) {
            printing.execute(() -> printOnceCommitted(lines));
        }
    }

    private void printOnceCommitted(List<String> lines) {
        CompletableFuture<Void> committed;
        try {
            committed = durable.get().exceptionally(failure -> null); // a failed write is logged; still print
        } catch (RuntimeException e) {
            committed = CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            tail = tail.runAfterBoth(committed, () -> {
                synchronized (out) {
                    lines.forEach(out::println);
                    out.flush();
                }
            });
        }
    }

    void follow(Call call) {
        Set<String> printed = new HashSet<>();
        CallState[] lastState = {null};
        int[] warningsPrinted = {0};
        int[] alertsPrinted = {0};
        boolean[] summarized = {false};
        Set<String> printedTools = new HashSet<>();
        call.addListener((c, change) -> {
            if (change == CallChange.STATE) {
                printState(c, lastState);
                if (c.state().isTerminal()) {
                    // the utterances the end closed come before the summary
                    printFinished(c, printed);
                    printSummary(c, summarized);
                }
            } else if (change == CallChange.TRANSCRIPT) {
                printFinished(c, printed);
            } else if (change == CallChange.HEALTH) {
                printWarnings(c, warningsPrinted);
            } else if (change == CallChange.TOOLS) {
                printTools(c, printedTools);
            } else if (change == CallChange.ALERTS) {
                printAlerts(c, alertsPrinted);
            }
        });
        printState(call, lastState);
        printWarnings(call, warningsPrinted);
    }

    /** {@code [call] tool: name(args) -> output} and {@code [call] mcp approval: label.tool -> approved|denied}. */
    private void printTools(Call call, Set<String> printedTools) {
        List<String> lines = new ArrayList<>();
        synchronized (printedTools) {
            for (ToolCall t : call.tools().list()) {
                if (t.status() == ToolCall.Status.ANSWERED && printedTools.add(t.id())) {
                    lines.add("[" + call.id() + "] tool: " + t.name() + "(" + t.arguments() + ") -> " + t.output());
                } else if ((t.status() == ToolCall.Status.APPROVED || t.status() == ToolCall.Status.DENIED)
                        && printedTools.add(t.id())) {
                    lines.add("[" + call.id() + "] mcp approval: " + t.serverLabel() + "." + t.name() + " -> "
                            + t.status().label());
                }
            }
            emit(lines);
        }
    }

    private void printWarnings(Call call, int[] printedCount) {
        List<String> lines = new ArrayList<>();
        synchronized (printedCount) {
            List<CallWarning> warnings = call.health().warnings();
            for (int i = printedCount[0]; i < warnings.size(); i++) {
                lines.add("[" + call.id() + "] warning: " + warnings.get(i).text().replace('\n', ' '));
            }
            printedCount[0] = Math.max(printedCount[0], warnings.size());
            emit(lines);
        }
    }

    /** {@code [call_id] ALERT <kind>: <detail>}; for a keyword rule the detail is the matched text. */
    private void printAlerts(Call call, int[] printedCount) {
        List<String> lines = new ArrayList<>();
        synchronized (printedCount) {
            List<Alert> alerts = call.alerts().alerts();
            for (int i = printedCount[0]; i < alerts.size(); i++) {
                lines.add("[" + call.id() + "] ALERT " + alerts.get(i).describe().replace('\n', ' '));
            }
            printedCount[0] = Math.max(printedCount[0], alerts.size());
            emit(lines);
        }
    }

    private void printSummary(Call call, boolean[] summarized) {
        synchronized (summarized) {
            if (summarized[0]) {
                return;
            }
            summarized[0] = true;
            emit(List.of(summaryLine(call.id(), call.turns().stats())));
        }
    }

    static String summaryLine(String callId, TurnStats stats) {
        return String.format(Locale.ROOT,
                "[%s] summary: turns=%d greeting_ms=%d turn_p50_ms=%d turn_max_ms=%d interruptions=%d cost_usd=%.4f",
                callId, stats.turns(), millis(stats.greetingLatency()), millis(stats.p50()), millis(stats.max()),
                stats.interruptions(), stats.costUsd().orElse(-1));
    }

    private static long millis(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(-1L);
    }

    private void printState(Call call, CallState[] lastState) {
        List<String> lines = new ArrayList<>(1);
        synchronized (lastState) {
            CallState state = call.state();
            if (state == lastState[0]) {
                return;
            }
            lastState[0] = state;
            String reason = call.stateReason();
            String who = state == CallState.RINGING ? " from " + call.caller().describe() + " to " + call.callee().number() : "";
            lines.add("[" + call.id() + "] state: " + state.name().toLowerCase() + who
                    + (reason.isEmpty() ? "" : " (" + reason + ")"));
            emit(lines);
        }
    }

    private void printFinished(Call call, Set<String> printed) {
        List<String> lines = new ArrayList<>();
        synchronized (printed) {
            for (TranscriptEntry entry : call.transcript()) {
                if (entry.kind() == TranscriptEntry.Kind.DTMF || entry.kind() == TranscriptEntry.Kind.NOTE) {
                    if (printed.add(entry.key())) {
                        String label = entry.kind() == TranscriptEntry.Kind.DTMF ? "keypad" : "note";
                        lines.add("[" + call.id() + "] " + label + ": " + entry.text());
                    }
                    continue;
                }
                if (!entry.isUtterance() || entry.status() == TranscriptEntry.Status.STREAMING
                        || entry.text().isBlank() || !printed.add(entry.key())) {
                    continue;
                }
                String text = entry.status() == TranscriptEntry.Status.FAILED ? "(" + entry.text() + ")" : entry.text();
                lines.add("[" + call.id() + "] " + entry.speaker().label() + ": " + text.replace('\n', ' '));
            }
            emit(lines);
        }
    }
}
