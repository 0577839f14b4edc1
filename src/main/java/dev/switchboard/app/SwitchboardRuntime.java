package dev.switchboard.app;

import dev.switchboard.call.CallRegistry;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.DataDirectory;
import dev.switchboard.logging.Redactor;
import dev.switchboard.call.PriceTable;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.monitor.AutoAnalysis;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.CallAnalyzer;
import dev.switchboard.monitor.DemoPeer;
import dev.switchboard.monitor.Experiment;
import dev.switchboard.monitor.ExperimentStats;
import dev.switchboard.monitor.ReportWriter;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.ResponsesClient;
import dev.switchboard.util.Threads;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.switchboard.monitor.CallMonitor;
import dev.switchboard.monitor.Connection;
import dev.switchboard.monitor.MonitorService;
import dev.switchboard.monitor.PriceBook;
import dev.switchboard.monitor.Watchdogs;
import dev.switchboard.monitor.ProfileAccept;
import dev.switchboard.monitor.StoredHistory;
import dev.switchboard.openai.OpenAiHttp;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.sim.Simulator;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.MetricsRecorder;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.WebhookListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: history store and recorder, the monitor on a live connection or the embedded simulator,
 * profile accept and routing, and the {@link Backend} ports the window uses. Headless mode runs on it too.
 */
public final class SwitchboardRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardRuntime.class);

    private final CallRegistry registry = new CallRegistry();
    private final OkHttpClient http = OpenAiHttp.newClient();
    private final HistoryStore history;
    private final CallRecorder recorder;
    private final MonitorService monitor;
    private final ProfileAccept profiles;
    private final Backend backend;
    private AutoAnalysis autoAnalysis;
    private final ExecutorService analysisExecutor = Executors.newSingleThreadExecutor(Threads.daemon("analysis"));
    private final PriceBook prices;
    private final Watchdogs watchdogs;

    private SwitchboardRuntime(double simSpeed, boolean demoRequested, Path settingsFile, Set<String> fromEnvironment,
                               Connection connection, Path dataDir, AppConfig config) {
        // history first: every call a listener hands over is recorded from its first moment
        this.history = HistoryStore.openIn(dataDir);
        int unfinished = history.closeUnfinished("outcome unknown: Switchboard stopped before the call ended");
        if (unfinished > 0) {
            log.info("{} call(s) from an earlier run had no recorded end; marked ended, outcome unknown", unfinished);
        }
        this.recorder = new CallRecorder(history, Clock.systemUTC());
        recorder.attach(registry);
        this.monitor = new MonitorService(registry, http, () -> new SimulatorPeer(simSpeed), demoRequested,
                settingsFile, fromEnvironment, connection, new HistoryJournal(history));
        monitor.tagProfilesWith(recorder::tagProfile);
        this.profiles = new ProfileAccept(monitor.actions(), monitor, history, recorder).attach(registry);
        // after the monitor's bundled prices, before anyone else hears of a new call
        this.prices = new PriceBook(dataDir.resolve("prices.json"), config.pricesFlag()).attach(registry);
        monitor.usePrices(prices);
        this.watchdogs = new Watchdogs(monitor.actions(), call -> config.watchdogLimits()).attach(registry);
        MetricsRecorder.attach(recorder);
        StoredHistory stored = new StoredHistory(history, monitor::secrets,
                analyzer(config.commandLine().value("analysis-model")));
        this.backend = new Backend(registry, monitor.actions(), monitor, monitor, monitor, monitor, Optional.of(stored),
                Optional.of(stored), Optional.empty(), Optional.of(new ExperimentStats(history, profiles,
                        prices.current(), Clock.systemUTC(), monitor::secrets)));
    }

    /**
     * Starts in live mode with an API key and webhook secret, or in demo mode on the simulator. Settings cannot be
     * saved from this runtime (no settings file).
     *
     * @param simSpeed pace of the simulated conversations (1 = like a person)
     */
    public static SwitchboardRuntime start(AppConfig config, double simSpeed) throws IOException, ConfigException {
        return start(config, simSpeed, null, Set.of());
    }

    /** Like {@link #start(AppConfig, double)}, saving to {@code settingsFile}; {@code fromEnvironment} wins over saves. */
    public static SwitchboardRuntime start(AppConfig config, double simSpeed, Path settingsFile,
                                           Set<String> fromEnvironment) throws IOException, ConfigException {
        // Whatever runs from here on, the configured key and secret never reach a log verbatim.
        Redactor.register(config.apiKey().orElse(null));
        Redactor.register(config.webhookSecret().orElse(null));
        boolean demoRequested = config.demo() && config.apiKey().isPresent();
        if (!config.demo() && config.webhookSecret().isEmpty()) {
            throw new ConfigException(
                    "OPENAI_WEBHOOK_SECRET is not set: it is needed to verify OpenAI's webhooks (or run with --demo)");
        }
        Connection connection = new Connection(config.apiKey().orElse(null), config.webhookSecret().orElse(null),
                config.port(), config.bind(), config.baseUrl());
        SwitchboardRuntime runtime = new SwitchboardRuntime(simSpeed, demoRequested, settingsFile,
                fromEnvironment, connection, DataDirectory.forConfig(config), config);
        if (settingsFile != null) {
            runtime.monitor.holdWarmup(); // the window releases it once its first frame is up
            // the window: analyse ended calls (all of them in demo mode or with --analyze, else those with a rubric)
            runtime.autoAnalysis = new AutoAnalysis(runtime.analyzer(config.commandLine().value("analysis-model")),
                    runtime.recorder, runtime.history, config.demo() || config.commandLine().has("analyze"))
                    .attach(runtime.registry);
        }
        try {
            runtime.monitor.start(config.demo());
        } catch (IOException | ConfigException | RuntimeException e) {
            runtime.closeHistory();
            throw e;
        }
        return runtime;
    }

    /** The ports the window runs on. */
    public Backend backend() {
        return backend;
    }

    public CallRegistry calls() {
        return registry;
    }

    public MonitorService service() {
        return monitor;
    }

    public ProfileAccept profiles() {
        return profiles;
    }

    public String listenerUrl() {
        return monitor.listenerUrl();
    }

    public boolean isDemo() {
        return monitor.isDemo();
    }

    /** Post-call analysis on the connection in use (the simulator in demo mode); a model of null is the default. */
    public CallAnalyzer analyzer(String model) {
        return new CallAnalyzer(history, () -> {
            Optional<DemoPeer> demo = monitor.demoPeer();
            String base = demo.map(DemoPeer::baseUrl).orElse(monitor.connection().baseUrl());
            String key = demo.map(DemoPeer::apiKey).orElse(monitor.connection().apiKey());
            return new ResponsesClient(http, new OpenAiEndpoints(base), key);
        }, model, analysisExecutor, Clock.systemUTC());
    }

    public ReportWriter reports(PriceTable prices) {
        return new ReportWriter(history, prices, monitor::secrets);
    }

    /** The window's post-call analysis (empty headless, where --analyze prints its lines instead). */
    public Optional<AutoAnalysis> autoAnalysis() {
        return Optional.ofNullable(autoAnalysis);
    }

    /** A new experiment, stored; run it with {@link ProfileAccept#runExperiment}. */
    public Experiment newExperiment(String name, List<ProfileVersion> arms, List<Double> weights, long seed) {
        Experiment draft = new Experiment(0, name, arms, weights, seed);
        long id = history.experiments().create(name, draft.storedArms(), seed, Instant.now()).id();
        return new Experiment(id, name, arms, weights, seed);
    }

    // ---- hooks for tests, benchmarks and the setup checklist ----

    /** The embedded simulator now in use (empty in live mode). */
    public Optional<Simulator> simulator() {
        return monitor.demoPeer().map(peer -> ((SimulatorPeer) peer).simulator());
    }

    /** Sees every verified incoming webhook (with its arrival time) before the monitor does. For benchmarks. */
    public void addIncomingObserver(Consumer<IncomingCall> observer) {
        monitor.addIncomingObserver(observer);
    }

    public CallMonitor monitor() {
        return monitor.monitor();
    }

    /** The call history and profiles database in the data directory. */
    public HistoryStore history() {
        return history;
    }

    /** Records every call of this run. */
    public CallRecorder recorder() {
        return recorder;
    }

    /** What the setup checklist checks: the connection in use now, with the entered public URL and project id. */
    public SetupChecklist.Settings setupSettings(String publicUrl, String projectId) {
        Connection c = monitor.connection();
        return new SetupChecklist.Settings(c.apiKey(), c.baseUrl(), c.webhookSecret(), c.bind(), c.port(),
                publicUrl == null || publicUrl.isBlank() ? null : publicUrl.trim(),
                projectId == null || projectId.isBlank() ? null : projectId.trim());
    }

    /** The running webhook listener (the setup checklist probes it and watches its self-test arrive). */
    public WebhookListener webhookListener() {
        return monitor.webhookListener();
    }

    /** The prices new calls are costed with. */
    public PriceBook prices() {
        return prices;
    }

    private void closeHistory() {
        recorder.close();
        history.close();
    }

    @Override
    public void close() {
        watchdogs.close();
        monitor.close();
        analysisExecutor.shutdown();
        profiles.runExperiment(null, false);
        closeHistory();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
