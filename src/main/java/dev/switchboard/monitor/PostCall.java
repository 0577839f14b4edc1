package dev.switchboard.monitor;

import dev.switchboard.history.CallAnalysis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What happens after a call ended and its history is committed: the post-call analysis (when on) and the HTML
 * report (when a directory is set), each reported as one line for the headless output:
 * {@code [id] analysis: score=4.3 outcome=resolved summary=…} and {@code [id] report: /path/id.html}.
 */
public final class PostCall {

    private final Optional<CallAnalyzer> analyzer;
    private final Optional<Path> reportDir;
    private final ReportWriter reports;
    private final boolean presenter;
    private final Executor executor;

    public PostCall(Optional<CallAnalyzer> analyzer, Optional<Path> reportDir, ReportWriter reports,
                    boolean presenter, Executor executor) {
        this.analyzer = analyzer;
        this.reportDir = reportDir;
        this.reports = reports;
        this.presenter = presenter;
        this.executor = executor;
    }

    public boolean enabled() {
        return analyzer.isPresent() || reportDir.isPresent();
    }

    /** The lines for one ended call; never completes exceptionally (a failure is a line that says why). */
    public CompletableFuture<List<String>> ended(String callId) {
        CompletableFuture<Optional<CallAnalysis>> analysis = analyzer
                .map(a -> a.analyze(callId).thenApply(Optional::of))
                .orElse(CompletableFuture.completedFuture(Optional.empty()));
        return analysis.thenApplyAsync(result -> {
            List<String> lines = new ArrayList<>(2);
            result.ifPresent(a -> lines.add(analysisLine(a)));
            reportDir.ifPresent(dir -> {
                try {
                    lines.add("[" + callId + "] report: " + reports.write(callId, dir, presenter));
                } catch (Exception e) {
                    lines.add("[" + callId + "] report: failed: " + e.getMessage());
                }
            });
            return lines;
        }, executor).exceptionally(e -> List.of("[" + callId + "] post-call: failed: " + e));
    }

    public static String analysisLine(CallAnalysis a) {
        if (!a.isDone()) {
            return "[" + a.callId() + "] analysis: failed: " + a.error();
        }
        return "[" + a.callId() + "] analysis: score=" + a.meanScoreText() + " outcome=" + a.outcome()
                + " summary=" + a.summary();
    }
}
