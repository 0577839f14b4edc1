package dev.switchboard.app;

import dev.switchboard.config.AppConfig;
import dev.switchboard.config.CommandLine;
import dev.switchboard.config.DataDirectory;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.logging.Redactor;
import dev.switchboard.monitor.Experiment;
import dev.switchboard.monitor.PostCall;
import dev.switchboard.monitor.ProfileImport;
import dev.switchboard.util.Threads;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The headless experiment flags: {@code --import-profiles}, {@code --ab}, {@code --analyze}, {@code --report-dir}. */
final class HeadlessExtras {

    /**
     * Each ended call's analysis and report, by call id; made by whichever comes first, the call's end or
     * {@link #awaitPending}: a call's state reads "ended" before its listeners have run, so a waiter can be first.
     */
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private volatile boolean following;

    /** {@code --import-profiles FILE}: 0 and one line per profile, or 1 and a one-line error. */
    static int importProfiles(AppConfig config, Path workingDir, PrintStream out, PrintStream err) {
        Path file = workingDir.resolve(config.commandLine().value("import-profiles").strip());
        try {
            ProfileImport.run(DataDirectory.forConfig(config), file).forEach(out::println);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("switchboard: " + Redactor.redact(e.getMessage()));
            return 1;
        }
    }

    /** {@code --ab A,B[,…]}: starts the experiment (auto-accepting); the line to print. */
    static String startAb(CommandLine flags, SwitchboardRuntime runtime) {
        List<ProfileVersion> arms = new ArrayList<>();
        for (String name : flags.value("ab").split(",")) {
            if (!name.isBlank()) {
                arms.add(runtime.profiles().latest(name.strip()));
            }
        }
        if (arms.size() < 2) {
            throw new IllegalArgumentException("--ab needs two or more saved profile names, separated by commas");
        }
        Experiment experiment = runtime.newExperiment("ab", arms, arms.stream().map(a -> 1.0).toList(), 0);
        runtime.profiles().runExperiment(experiment, true);
        return "switchboard: experiment " + experiment.id() + " alternating "
                + String.join(", ", arms.stream().map(a -> a.ref().describe()).toList());
    }

    /** Runs {@code --analyze} and {@code --report-dir} for every call that ends; lines go to the printer. */
    void followEndedCalls(AppConfig config, Path workingDir, SwitchboardRuntime runtime, HeadlessPrinter printer) {
        CommandLine flags = config.commandLine();
        Optional<Path> reportDir = flags.has("report-dir")
                ? Optional.of(workingDir.resolve(flags.value("report-dir").strip())) : Optional.empty();
        PostCall post = new PostCall(
                flags.has("analyze") ? Optional.of(runtime.analyzer(flags.has("analysis-model")
                        ? flags.value("analysis-model") : null)) : Optional.empty(),
                reportDir, runtime.reports(config.prices()), config.presenter(),
                Executors.newSingleThreadExecutor(Threads.daemon("post-call")));
        if (!post.enabled()) {
            return;
        }
        following = true;
        runtime.calls().onAdded(call -> call.addListener((c, change) -> {
            if (c.state().isTerminal() && printer.markEnded(c.id())) {
                // after the history commit: the analysis and the report read the stored call
                CompletableFuture<Void> done = runtime.recorder().flushAsync().exceptionally(e -> null)
                        .thenCompose(v -> post.ended(c.id())).thenAccept(printer::emitLines);
                CompletableFuture<Void> entry = pending.computeIfAbsent(c.id(), id -> new CompletableFuture<>());
                done.whenComplete((v, e) -> entry.complete(null));
            }
        }));
    }

    /** Waits (a bounded while) for the analysis and report of each of these ended calls, when they are made. */
    void awaitPending(List<String> endedCalls) {
        if (!following) {
            return;
        }
        CompletableFuture<?>[] all = endedCalls.stream()
                .map(id -> pending.computeIfAbsent(id, k -> new CompletableFuture<>()))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort at exit; each failure already printed its line
        }
    }
}
