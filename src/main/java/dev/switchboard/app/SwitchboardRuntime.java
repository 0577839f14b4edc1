package dev.switchboard.app;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.DataDirectory;
import dev.switchboard.logging.Redactor;
import dev.switchboard.monitor.ActionFailedException;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.monitor.CallMonitor;
import dev.switchboard.monitor.ConnectionInfo;
import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiApiException;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.OpenAiHttp;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.setup.SetupChecklist;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.ProfileVersion;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running monitor, wired: webhook listener → call monitor → REST client and sideband sessions, and in demo
 * mode the embedded simulator playing OpenAI. Both the window and the headless mode run on it.
 *
 * <p>The listener, monitor, REST client and simulator form an {@link Engine} that {@link #applySettings} replaces
 * as a whole; the call registry outlives engines, and each call's actions keep going to the engine that took
 * its webhook (a retired engine's monitor and simulator stay up for the calls they own until the runtime closes).
 */
public final class SwitchboardRuntime implements Backend, CallActions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardRuntime.class);

    /** What the runtime connects with; the live key and secret may be absent (then: demo mode). */
    private record Connection(String apiKey, String webhookSecret, int port, String bind, String baseUrl) {
        @Override
        public String toString() {
            return "Connection[apiKey=" + ConnectionSettings.maskKey(apiKey) + ", port=" + port + ", bind=" + bind
                    + ", baseUrl=" + baseUrl + "]";
        }
    }

    private final double simSpeed;
    private final boolean demoRequested;
    private final Path settingsFile;
    private final Set<String> fromEnvironment;
    private final CallRegistry registry = new CallRegistry();
    private final OkHttpClient http = OpenAiHttp.newClient();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "switchboard-settings");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<IncomingCall>> incomingObservers = new CopyOnWriteArrayList<>();
    private final Map<String, Engine> owners = new ConcurrentHashMap<>();
    private final List<Engine> retired = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    private volatile Engine engine;
    private volatile long retiredReceived;
    private volatile long retiredRejected;
    private volatile AcceptSettings autoAcceptSettings;
    // ---- history (issue 5) ----
    private final HistoryStore history;
    private final CallRecorder recorder;

    /** One generation of listener + monitor (+ simulator in demo mode). */
    private final class Engine {
        final Simulator simulator;
        final CallMonitor monitor;
        /** Replaced only while starting, when demo mode falls back to a free port. */
        volatile WebhookListener listener;

        Engine(Connection c, boolean demo) throws IOException {
            String key;
            String base;
            String secret;
            if (demo) {
                simulator = new Simulator(SimOptions.demo().withSpeed(simSpeed));
                simulator.start();
                key = simulator.apiKey();
                base = simulator.baseUrl();
                secret = simulator.webhookSecret();
            } else {
                simulator = null;
                key = c.apiKey();
                base = c.baseUrl();
                secret = c.webhookSecret();
            }
            CallsClient client = new CallsClient(http, new OpenAiEndpoints(base), key, RetryPolicy.DEFAULT);
            monitor = new CallMonitor(registry, client, http, key, Clock.systemUTC(), RetryPolicy.SOCKET,
                    CallMonitor.DEFAULT_RING_TIMEOUT);
            monitor.setAutoAccept(autoAcceptSettings);
            listener = newListener(c.port(), c.bind(), secret);
        }

        WebhookListener newListener(int port, String bind, String secret) {
            // the journal commits each call before the 200: an acknowledged call survives a crash
            return new WebhookListener(bind, port, new WebhookSignature(WebhookSecret.parse(secret)),
                    Clock.systemUTC(), history.incomingCalls(), this::incoming);
        }

        private void incoming(IncomingCall incoming) {
            for (Consumer<IncomingCall> observer : incomingObservers) {
                observer.accept(incoming);
            }
            owners.putIfAbsent(incoming.callId(), this);
            monitor.onIncoming(incoming);
        }

        /** Starts the listener; in demo mode a busy port is no reason to fail: it takes a free one. */
        WebhookListener startListener(Connection c) throws IOException, ConfigException {
            WebhookListener candidate = listener;
            try {
                candidate.start();
            } catch (BindException e) {
                if (simulator == null) {
                    throw new ConfigException("port " + c.port() + " on " + c.bind()
                            + " is in use: stop the other program or choose another port");
                }
                log.warn("port {} is in use; the demo listener takes a free port instead", c.port());
                candidate = newListener(0, c.bind(), simulator.webhookSecret());
                candidate.start();
            }
            candidate.addCounterListener(SwitchboardRuntime.this::fireStatus);
            if (simulator != null) {
                simulator.setWebhookTarget(URI.create(candidate.url()));
            }
            return candidate;
        }

        void close() {
            listener.stop();
            monitor.close();
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private SwitchboardRuntime(double simSpeed, boolean demoRequested, Path settingsFile, Set<String> fromEnvironment,
                               Connection connection, Path dataDir) {
        this.simSpeed = simSpeed;
        this.demoRequested = demoRequested;
        this.settingsFile = settingsFile;
        this.fromEnvironment = Set.copyOf(fromEnvironment);
        this.connection = connection;
        // history first: every call a listener hands over is recorded from its first moment
        this.history = HistoryStore.openIn(dataDir);
        int unfinished = history.closeUnfinished("outcome unknown: Switchboard stopped before the call ended");
        if (unfinished > 0) {
            log.info("{} call(s) from an earlier run had no recorded end; marked ended, outcome unknown", unfinished);
        }
        this.recorder = new CallRecorder(history, Clock.systemUTC());
        recorder.attach(registry);
        registry.onAdded(this::routeByCalledNumber);
        registry.onRemoved(call -> owners.remove(call.id())); // ended calls leave the registry after a while
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

    /**
     * Like {@link #start(AppConfig, double)}, saving settings to {@code settingsFile}.
     *
     * @param fromEnvironment the {@link ConnectionInfo} names the environment or a flag sets (they win over saves)
     */
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
        SwitchboardRuntime runtime = new SwitchboardRuntime(simSpeed, demoRequested, settingsFile, fromEnvironment,
                connection, DataDirectory.forConfig(config));
        try {
            runtime.engine = runtime.startEngine(connection, config.demo(), null);
        } catch (IOException | ConfigException | RuntimeException e) {
            runtime.closeHistory();
            throw e;
        }
        return runtime;
    }

    private boolean demoFor(Connection c) {
        return demoRequested || c.apiKey() == null || c.webhookSecret() == null;
    }

    /**
     * Builds and starts an engine. When {@code previous} is given its listener is stopped first (it may hold the
     * port) and restarted if the new one cannot start.
     */
    private Engine startEngine(Connection c, boolean demo, Engine previous) throws IOException, ConfigException {
        Engine next = new Engine(c, demo);
        if (previous != null) {
            previous.listener.stop();
        }
        try {
            next.listener = next.startListener(c); // in demo mode maybe another port's listener
            return next;
        } catch (IOException | ConfigException | RuntimeException e) {
            next.close();
            if (previous != null) {
                try {
                    previous.listener.start();
                    if (previous.simulator != null) {
                        previous.simulator.setWebhookTarget(URI.create(previous.listener.url()));
                    }
                } catch (IOException again) {
                    log.error("the previous webhook listener could not restart either: {}", again.toString());
                }
            }
            throw e;
        }
    }

    // ---- settings ----

    @Override
    public ConnectionInfo connectionInfo() {
        Connection c = connection;
        return new ConnectionInfo(ConnectionSettings.maskKey(c.apiKey()), ConnectionSettings.maskSecret(c.webhookSecret()),
                c.port(), c.bind(), c.baseUrl(), fromEnvironment,
                settingsFile == null ? "(not saved: no settings file)" : settingsFile.toString());
    }

    @Override
    public CompletableFuture<Void> applySettings(ConnectionSettings settings) {
        return CompletableFuture.runAsync(() -> {
            try {
                apply(settings);
            } catch (IOException | ConfigException e) {
                throw new CompletionException(new ActionFailedException(e.getMessage(), false, e));
            } catch (IllegalArgumentException e) {
                throw new CompletionException(new ActionFailedException(e.getMessage(), false, e));
            }
        }, background);
    }

    private synchronized void apply(ConnectionSettings s) throws IOException, ConfigException {
        Connection now = connection;
        String key = pick(ConnectionInfo.API_KEY, now.apiKey(), s.apiKey());
        String secret = pick(ConnectionInfo.WEBHOOK_SECRET, now.webhookSecret(), s.webhookSecret());
        if (secret != null) {
            WebhookSecret.parse(secret); // a plain-words IllegalArgumentException when unusable
        }
        if (key != null && !key.matches("\\S+")) {
            throw new IllegalArgumentException("The API key contains spaces or line breaks; copy it again.");
        }
        Redactor.register(key);
        Redactor.register(secret);
        new OpenAiEndpoints(s.baseUrl()); // validates
        Connection next = new Connection(key, secret,
                fromEnvironment.contains(ConnectionInfo.PORT) ? now.port() : s.port(),
                fromEnvironment.contains(ConnectionInfo.BIND) ? now.bind() : s.bind().trim(),
                fromEnvironment.contains(ConnectionInfo.BASE_URL) ? now.baseUrl() : stripSlash(s.baseUrl().trim()));
        Engine old = engine;
        Engine started = startEngine(next, demoFor(next), old);
        // saved only once the new listener runs: settings that cannot start must not stop the next launch
        if (settingsFile != null) {
            SavedSettings.save(settingsFile, next.apiKey(), next.webhookSecret(), next.port(), next.bind(),
                    next.baseUrl(), fromEnvironment);
        }
        retiredReceived += old.listener.received();
        retiredRejected += old.listener.rejected();
        engine = started;
        connection = next;
        retired.add(old);
        log.info("settings applied: {} ({} mode) on {}", next, started.simulator != null ? "demo" : "live",
                started.listener.url());
        fireStatus();
    }

    private String pick(String name, String current, String requested) {
        if (fromEnvironment.contains(name) || requested == null) {
            return current;
        }
        return requested.isBlank() ? null : requested.trim();
    }

    private static String stripSlash(String url) {
        String value = url;
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    @Override
    public CompletableFuture<String> testConnection(String apiKey, String baseUrl) {
        return CompletableFuture.supplyAsync(() -> {
            Connection c = connection;
            String key = apiKey == null || apiKey.isBlank() ? c.apiKey() : apiKey.trim();
            String base = baseUrl == null || baseUrl.isBlank() ? c.baseUrl() : stripSlash(baseUrl.trim());
            if (key == null) {
                return "No API key to test: enter one first.";
            }
            OpenAiEndpoints endpoints;
            try {
                endpoints = new OpenAiEndpoints(base);
            } catch (IllegalArgumentException e) {
                return "The base URL is not an http or https URL.";
            }
            try {
                new CallsClient(http, endpoints, key, RetryPolicy.DEFAULT).checkKey();
                return "OK: the key works (" + base + " answered).";
            } catch (OpenAiApiException e) {
                return switch (e.status()) {
                    case 401 -> "Key refused (401): " + base + " does not accept this API key.";
                    case 404 -> "Not the OpenAI API? " + base + "/models answered 404: check the base URL.";
                    case 0 -> "Could not reach " + base + ": " + Optional.ofNullable(e.getCause())
                            .map(Throwable::getMessage).orElse("no answer") + ".";
                    default -> e.getMessage();
                };
            }
        }, background);
    }

    // ---- hooks for tests and benchmarks ----

    /** The embedded simulator now in use (empty in live mode). For tests and benchmarks. */
    public Optional<Simulator> simulator() {
        return Optional.ofNullable(engine.simulator);
    }

    /** Sees every verified incoming webhook (with its arrival time) before the monitor does. For benchmarks. */
    public void addIncomingObserver(Consumer<IncomingCall> observer) {
        incomingObservers.add(observer);
    }

    public CallMonitor monitor() {
        return engine.monitor;
    }

    /** What the setup checklist checks: the connection in use now, with the entered public URL and project id. */
    public SetupChecklist.Settings setupSettings(String publicUrl, String projectId) {
        Connection c = connection;
        return new SetupChecklist.Settings(c.apiKey(), c.baseUrl(), c.webhookSecret(), c.bind(), c.port(),
                publicUrl == null || publicUrl.isBlank() ? null : publicUrl.trim(),
                projectId == null || projectId.isBlank() ? null : projectId.trim());
    }

    /** The running webhook listener (the setup checklist probes it and watches its self-test arrive). */
    public WebhookListener webhookListener() {
        return engine.listener;
    }

    // ---- Backend ----

    @Override
    public CallRegistry calls() {
        return registry;
    }

    @Override
    public CallActions actions() {
        return this;
    }

    @Override
    public String listenerUrl() {
        return engine.listener.url();
    }

    @Override
    public long webhooksReceived() {
        return retiredReceived + engine.listener.received();
    }

    @Override
    public long webhooksRejected() {
        return retiredRejected + engine.listener.rejected();
    }

    @Override
    public void onStatusChanged(Runnable statusListener) {
        statusListeners.add(statusListener);
    }

    private void fireStatus() {
        for (Runnable listener : statusListeners) {
            listener.run();
        }
    }

    @Override
    public boolean isDemo() {
        return engine.simulator != null;
    }

    @Override
    public List<String> demoScenarios() {
        return isDemo() ? Arrays.stream(Scenario.values()).map(Scenario::label).toList() : List.of();
    }

    @Override
    public CompletableFuture<String> ringDemoCall(int scenarioIndex) {
        Simulator simulator = engine.simulator;
        if (simulator == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Demo calls need demo mode (no API key)."));
        }
        Scenario scenario = Scenario.values()[scenarioIndex];
        // ring() returns once the webhook was answered; the call reaches the registry just after
        return CompletableFuture.supplyAsync(() -> simulator.ring(scenario))
                .thenCompose(id -> registry.whenAdded(id).thenApply(call -> id));
    }

    @Override
    public void setAutoAccept(boolean enabled, AcceptSettings settings) {
        // no lock: the accept panel calls this on every edit, and apply() holds the runtime's lock during I/O
        AcceptSettings next = enabled ? settings : null;
        autoAcceptSettings = next;
        engine.monitor.setAutoAccept(next);
    }

    @Override
    public boolean autoAccept() {
        return autoAcceptSettings != null;
    }

    @Override
    public String maskedApiKey() {
        return isDemo() ? "(demo mode: simulator key)" : ConnectionSettings.maskKey(connection.apiKey());
    }

    // ---- CallActions: each call's actions go to the engine that took its webhook ----

    private CallMonitor monitorFor(Call call) {
        return owners.getOrDefault(call.id(), engine).monitor;
    }

    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        return monitorFor(call).accept(call, settings);
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        return monitorFor(call).reject(call, sipStatus);
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        return monitorFor(call).hangup(call);
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        return monitorFor(call).refer(call, targetUri);
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        return monitorFor(call).updateInstructions(call, instructions);
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        return monitorFor(call).say(call, sentence);
    }

    // ---- history (issue 5) ----

    /** The call history and profiles database in the data directory. */
    public HistoryStore history() {
        return history;
    }

    /** Records every call of this run; tag calls accepted with a profile via {@link CallRecorder#tagProfile}. */
    public CallRecorder recorder() {
        return recorder;
    }

    @Override
    public Optional<HistoryStore> historyStore() {
        return java.util.Optional.of(history);
    }

    /** Accepts with a profile version and notes it on the call's history record (profile picker, routing rules). */
    @Override
    public CompletableFuture<Void> acceptWithProfile(Call call, ProfileVersion profile) {
        recorder.tagProfile(call.id(), profile);
        return monitorFor(call).accept(call, profile.settings());
    }

    @Override
    public List<String> secretsToRedact() {
        Connection c = connection;
        return java.util.stream.Stream.of(c.apiKey(), c.webhookSecret())
                .filter(s -> s != null && !s.isBlank()).distinct().toList();
    }

    /** Routing rules: while nobody auto-accepts everything, a rule for the called number accepts with its profile. */
    private void routeByCalledNumber(Call call) {
        if (autoAcceptSettings != null) {
            return;
        }
        try {
            history.routing().route(call).ifPresent(profile -> {
                log.info("call {} to {} routed to profile {}", call.id(), call.callee().number(), profile.ref().describe());
                acceptWithProfile(call, profile);
            });
        } catch (RuntimeException e) {
            log.warn("routing rules could not be read: {}", e.toString());
        }
    }

    private void closeHistory() {
        recorder.close();
        history.close();
    }

    @Override
    public void close() {
        background.shutdownNow();
        engine.close();
        retired.forEach(Engine::close);
        closeHistory();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
