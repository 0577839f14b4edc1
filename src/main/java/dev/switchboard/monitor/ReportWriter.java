package dev.switchboard.monitor;

import dev.switchboard.call.Call;
import dev.switchboard.call.PriceTable;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.StoredCall;
import dev.switchboard.report.CallReport;
import dev.switchboard.store.HistoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds a stored call's HTML report from the history (replayed turns, metrics, analysis, profile version). */
public final class ReportWriter {

    private final HistoryStore store;
    private final PriceTable prices;
    private final Supplier<List<String>> secrets;

    public ReportWriter(HistoryStore store, PriceTable prices, Supplier<List<String>> secrets) {
        this.store = store;
        this.prices = prices;
        this.secrets = secrets;
    }

    public Optional<String> html(String callId, boolean presenter, ZoneId zone) {
        Optional<StoredCall> stored = store.load(callId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredCall call = stored.get();
        Call replayed = CallReplay.replay(call, prices);
        CallNumbers metrics = CallReplay.metrics(call, prices);
        Optional<ProfileVersion> profile = call.profileRef().flatMap(this::version);
        return Optional.of(CallReport.html(new CallReport.Input(call, replayed.turns().turns(), metrics,
                store.analyses().load(callId), profile, presenter, secrets.get(), zone)));
    }

    /** Writes {@code dir/<call_id>.html}; returns its path. */
    public Path write(String callId, Path dir, boolean presenter) throws IOException {
        String page = html(callId, presenter, ZoneId.systemDefault())
                .orElseThrow(() -> new IOException("call " + callId + " is not in the history"));
        Files.createDirectories(dir);
        Path file = dir.resolve(callId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".html");
        Files.writeString(file, page, StandardCharsets.UTF_8);
        return file;
    }

    private Optional<ProfileVersion> version(ProfileRef ref) {
        try {
            return store.profiles().versions(ref.name()).stream().filter(v -> v.version() == ref.version()).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
