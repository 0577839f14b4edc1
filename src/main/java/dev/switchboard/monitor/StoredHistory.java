package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.config.PriceFile;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallMetrics;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.CallSummary;
import dev.switchboard.history.ProfileSummary;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.RoutingRule;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StoredCall;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.MetricsRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** History and profiles on the SQLite store: the one implementation the window and headless mode share. */
public final class StoredHistory implements HistoryService, ProfileService {

    private final HistoryStore store;
    private final Supplier<List<String>> secrets;
    private final CallAnalyzer analyzer;

    public StoredHistory(HistoryStore store, Supplier<List<String>> secrets) {
        this(store, secrets, null);
    }

    /** @param analyzer runs {@link #analyzeAgain}; null when this monitor does not analyse calls */
    public StoredHistory(HistoryStore store, Supplier<List<String>> secrets, CallAnalyzer analyzer) {
        this.store = store;
        this.secrets = secrets;
        this.analyzer = analyzer;
    }

    @Override
    public List<CallSummary> listCalls(Instant from, Instant to, int limit) {
        return store.listCalls(from, to, limit);
    }

    /** Spoken lines and analysis summaries, newest first. */
    @Override
    public List<SearchHit> search(String query, int limit) {
        List<SearchHit> hits = new java.util.ArrayList<>(store.search(query, limit));
        hits.addAll(store.analyses().search(query, limit));
        hits.sort(java.util.Comparator.comparing(SearchHit::at).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    @Override
    public CallNumbers numbers(String callId) {
        return store.load(callId).map(c -> CallReplay.metrics(c, PriceFile.bundled())).orElse(CallNumbers.UNKNOWN);
    }

    @Override
    public Optional<CallAnalysis> analysis(String callId) {
        return store.analyses().load(callId);
    }

    @Override
    public java.util.concurrent.CompletableFuture<CallAnalysis> analyzeAgain(String callId) {
        return analyzer == null ? HistoryService.super.analyzeAgain(callId) : analyzer.analyze(callId);
    }

    @Override
    public Optional<StoredCall> load(String callId) {
        return store.load(callId);
    }

    @Override
    public Optional<CallMetrics> metrics(String callId) {
        return MetricsRecorder.load(store, callId);
    }

    @Override
    public List<String> secretsToRedact() {
        return secrets.get();
    }

    @Override
    public List<ProfileSummary> list() {
        return store.profiles().list();
    }

    @Override
    public Optional<ProfileVersion> latest(String name) {
        return store.profiles().latest(name);
    }

    @Override
    public List<ProfileVersion> versions(String name) {
        return store.profiles().versions(name);
    }

    @Override
    public ProfileVersion create(String name, AcceptSettings settings) {
        return store.profiles().create(name, settings);
    }

    @Override
    public ProfileVersion create(String name, AcceptSettings settings, AlertPolicy alerts) {
        return store.profiles().create(name, settings, alerts);
    }

    @Override
    public ProfileVersion save(String name, AcceptSettings settings) {
        return store.profiles().save(name, settings);
    }

    @Override
    public ProfileVersion save(String name, AcceptSettings settings, AlertPolicy alerts) {
        return store.profiles().save(name, settings, alerts);
    }

    @Override
    public ProfileVersion duplicate(String name, String newName) {
        return store.profiles().duplicate(name, newName);
    }

    @Override
    public void rename(String name, String newName) {
        store.profiles().rename(name, newName);
    }

    @Override
    public boolean delete(String name) {
        return store.profiles().delete(name);
    }

    @Override
    public List<ProfileVersion> importFrom(Path file) throws IOException {
        return store.profiles().importFrom(file);
    }

    @Override
    public void exportTo(Path file, Collection<String> names) throws IOException {
        store.profiles().exportTo(file, names);
    }

    @Override
    public List<RoutingRule> routingRules() {
        return store.routing().list();
    }

    @Override
    public List<RoutingRule> replaceRoutingRules(List<RoutingRule> rules) {
        return store.routing().replaceAll(rules);
    }
}
