package dev.switchboard.monitor;

import dev.switchboard.call.PriceTable;
import dev.switchboard.history.ArmStats;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.ExperimentCall;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.StoredCall;
import dev.switchboard.stats.Bootstrap;
import dev.switchboard.stats.Summary;
import dev.switchboard.stats.Verdict;
import dev.switchboard.store.HistoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The experiment port on the store: arms summarised from replayed metrics, stored analyses and outcomes. */
public final class ExperimentStats implements ExperimentService {

    private final HistoryStore store;
    private final ProfileAccept accept;
    private final PriceTable prices;
    private final Clock clock;

    private final java.util.function.Supplier<List<String>> secrets;

    public ExperimentStats(HistoryStore store, ProfileAccept accept, PriceTable prices, Clock clock) {
        this(store, accept, prices, clock, List::of);
    }

    /** @param secrets what a report must never contain (the configured key and webhook secret) */
    public ExperimentStats(HistoryStore store, ProfileAccept accept, PriceTable prices, Clock clock,
                           java.util.function.Supplier<List<String>> secrets) {
        this.store = store;
        this.accept = accept;
        this.prices = prices;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public List<ExperimentInfo> experiments() {
        return store.experiments().list();
    }

    @Override
    public Optional<ExperimentInfo> running() {
        return accept.experiment().flatMap(e -> store.experiments().get(e.id()));
    }

    @Override
    public ExperimentInfo start(String name, List<String> profileNames, List<Double> weights) {
        List<ProfileVersion> arms = profileNames.stream().map(accept::latest).toList();
        long seed = clock.millis();
        Experiment draft = new Experiment(0, name, arms, weights, seed);
        ExperimentInfo info = store.experiments().create(name, draft.storedArms(), seed, clock.instant());
        running().ifPresent(r -> store.experiments().stop(r.id(), clock.instant()));
        accept.runExperiment(new Experiment(info.id(), name, arms, weights, seed), false);
        return info;
    }

    @Override
    public void stop() {
        running().ifPresent(r -> store.experiments().stop(r.id(), clock.instant()));
        accept.runExperiment(null, false);
    }

    @Override
    public ExperimentResult result(long experimentId) {
        ExperimentInfo info = store.experiments().get(experimentId)
                .orElseThrow(() -> new IllegalArgumentException("no experiment " + experimentId));
        List<ExperimentCall> calls = store.experiments().calls(experimentId);
        List<ArmStats> arms = new ArrayList<>();
        List<List<Sample>> samples = new ArrayList<>();
        for (int i = 0; i < info.arms().size(); i++) {
            int arm = i;
            List<Sample> s = samples(calls.stream().filter(c -> c.arm() == arm).map(ExperimentCall::callId).toList());
            samples.add(s);
            arms.add(stats(info.arms().get(i).profile(), s));
        }
        String verdict = "";
        if (arms.size() >= 2) {
            String a = label(info, 0);
            String b = label(info, 1);
            verdict = Verdict.sentence(a, b,
                    Bootstrap.differenceOfMeans(turnSeconds(samples.get(0)), turnSeconds(samples.get(1))),
                    Bootstrap.differenceOfMeans(scores(samples.get(0)), scores(samples.get(1))));
        }
        return new ExperimentResult(info, arms, verdict);
    }

    @Override
    public Map<Integer, ArmStats> versionStats(String profileName) {
        Map<Integer, ArmStats> byVersion = new LinkedHashMap<>();
        for (ProfileVersion v : store.profiles().versions(profileName)) {
            byVersion.put(v.version(), stats(v.ref(), samples(store.experiments().callsWithProfile(v.ref()))));
        }
        return byVersion;
    }

    @Override
    public Optional<ProfileVersion> armFor(String callId) {
        return accept.experimentArm(callId);
    }

    @Override
    public String reportHtml(long experimentId, boolean presenter) {
        ExperimentResult result = result(experimentId);
        List<Optional<ProfileVersion>> versions = result.experiment().arms().stream()
                .map(a -> store.profiles().versions(a.profile().name()).stream()
                        .filter(v -> v.version() == a.profile().version()).findFirst()).toList();
        Map<String, CallAnalysis> analyses = new LinkedHashMap<>();
        for (ArmStats arm : result.arms()) {
            arm.callIds().forEach(id -> store.analyses().load(id).ifPresent(a -> analyses.put(id, a)));
        }
        return dev.switchboard.report.ExperimentReport.html(new dev.switchboard.report.ExperimentReport.Input(result,
                versions, analyses, presenter, secrets.get(), java.time.ZoneId.systemDefault()));
    }

    private static String label(ExperimentInfo info, int arm) {
        return info.arms().get(arm).profile().describe();
    }

    record Sample(String callId, CallNumbers metrics, Optional<CallAnalysis> analysis, String outcome) {
    }

    private List<Sample> samples(List<String> callIds) {
        List<Sample> out = new ArrayList<>();
        for (String id : callIds) {
            Optional<StoredCall> call = store.load(id);
            if (call.isPresent()) {
                out.add(new Sample(id, CallReplay.metrics(call.get(), prices), store.analyses().load(id),
                        call.get().outcome().toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    static ArmStats stats(ProfileRef profile, List<Sample> s) {
        // -1 is "unknown" (no greeting, no answered turn, no price): it must not pull a median or mean down
        double[] greeting = known(s, x -> x.metrics().greetingMs());
        double[] turn = known(s, x -> x.metrics().turnP50Ms());
        double[] cost = known(s, x -> x.metrics().costUsd());
        double interruptions = s.stream().mapToInt(x -> x.metrics().interruptions()).average().orElse(-1);
        int toolErrors = s.stream().mapToInt(x -> Math.max(0, x.metrics().toolErrors())).sum();
        int transferred = (int) s.stream().filter(x -> x.outcome().contains("transfer")
                || x.analysis().map(a -> a.outcome().equals("transferred")).orElse(false)).count();
        int hungUp = (int) s.stream().filter(x -> x.outcome().contains("hung up")).count();
        double[] scores = scores(s);
        return new ArmStats(profile, s.stream().map(Sample::callId).toList(),
                (long) Summary.median(greeting).orElse(-1), (long) Summary.median(turn).orElse(-1), interruptions,
                Summary.mean(cost).orElse(-1), toolErrors, transferred, hungUp, scores.length,
                Summary.mean(scores).orElse(-1));
    }

    private static double[] known(List<Sample> s, java.util.function.ToDoubleFunction<Sample> value) {
        return s.stream().mapToDouble(value).filter(v -> v >= 0).toArray();
    }

    private static double[] turnSeconds(List<Sample> s) {
        return java.util.Arrays.stream(known(s, x -> x.metrics().turnP50Ms())).map(v -> v / 1000).toArray();
    }

    private static double[] scores(List<Sample> s) {
        return s.stream().map(Sample::analysis).filter(a -> a.isPresent() && a.get().isDone())
                .mapToDouble(a -> a.get().meanScore().orElse(-1)).filter(v -> v >= 0).toArray();
    }
}
