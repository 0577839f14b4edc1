package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.config.ConfigException;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.logging.Redactor;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.util.Threads;
import dev.switchboard.webhook.IncomingCall;
import dev.switchboard.webhook.IncomingCallJournal;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running monitor: webhook listener → call monitor → REST client and sideband sessions, on a live connection
 * or on a demo peer. New settings start a new engine generation ({@link EngineRouter}); the call registry outlives
 * them. The window and the headless mode both run on it.
 */
public final class MonitorService implements ListenerStatus, DemoCalls, AutoAnswer, ConnectionControl, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MonitorService.class);

    private final CallRegistry registry;
    private final OkHttpClient http;
    private final Supplier<DemoPeer> demoPeers;
    private final IncomingCallJournal journal;
    private final boolean demoRequested;
    private final Path settingsFile;
    private final Set<String> fromEnvironment;
    private final EngineRouter engines = new EngineRouter();
    private final ConnectionTester tester;
    private final ExecutorService background = Executors.newSingleThreadExecutor(Threads.daemon("switchboard-settings"));
    private final List<Runnable> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<IncomingCall>> incomingObservers = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    private volatile AcceptSettings autoAcceptSettings;

    /**
     * @param demoPeers       builds a fresh demo peer for each demo-mode engine
     * @param demoRequested   stay in demo mode even with a key and secret ({@code --demo})
     * @param settingsFile    where applied settings are saved, or null (not saved)
     * @param fromEnvironment the {@link ConnectionInfo} names the environment or a flag sets (they win over saves)
     * @param journal         makes each incoming call durable before its webhook is answered
     */
    public MonitorService(CallRegistry registry, OkHttpClient http, Supplier<DemoPeer> demoPeers, boolean demoRequested,
                          Path settingsFile, Set<String> fromEnvironment, Connection connection,
                          IncomingCallJournal journal) {
        this.registry = registry;
        this.journal = journal;
        registry.onRemoved(call -> engines.forget(call.id())); // ended calls leave the registry after a while
        this.http = http;
        this.demoPeers = demoPeers;
        this.demoRequested = demoRequested;
        this.settingsFile = settingsFile;
        this.fromEnvironment = Set.copyOf(fromEnvironment);
        this.connection = connection;
        this.tester = new ConnectionTester(http);
    }

    private volatile PriceSettings prices;
    private volatile boolean warmupHeld;

    /**
     * Holds the start-up warm-up until {@link #releaseWarmup}: the window wants both cores for its first frame, and
     * the warm-up is done long before anyone could phone in.
     */
    public void holdWarmup() {
        warmupHeld = true;
    }

    /** Runs the held warm-up now, off the caller's thread. */
    public void releaseWarmup() {
        if (warmupHeld) {
            warmupHeld = false;
            Engine current = engines.current();
            if (current != null) {
                current.startWarmup();
            }
        }
    }

    /** The price table Settings edits. */
    public void usePrices(PriceSettings priceSettings) {
        this.prices = priceSettings;
    }

    @Override
    public Optional<PriceSettings> prices() {
        return Optional.ofNullable(prices);
    }

    private volatile TeamHubSettings teamHub;

    /** The window's Settings → Team hub (the window wires it; headless has none). */
    public void useTeamHub(TeamHubSettings settings) {
        this.teamHub = settings;
    }

    @Override
    public Optional<TeamHubSettings> teamHub() {
        return Optional.ofNullable(teamHub);
    }

    /** Starts the first engine, on the demo peer when {@code demo}. */
    public void start(boolean demo) throws IOException, ConfigException {
        engines.swap(startEngine(connection, demo, null));
    }

    /**
     * Builds and starts an engine. When {@code previous} is given its listener is stopped first (it may hold the
     * port) and restarted if the new one cannot start.
     */
    private Engine startEngine(Connection c, boolean demo, Engine previous) throws IOException, ConfigException {
        Engine[] self = new Engine[1];
        Engine next = new Engine(c, demo ? demoPeers.get() : null, registry, http, autoAcceptSettings, journal,
                incoming -> {
            incomingObservers.forEach(observer -> observer.accept(incoming));
            engines.claim(incoming.callId(), self[0]);
        });
        self[0] = next;
        if (previous != null) {
            previous.listener().stop();
        }
        try {
            next.start(c, this::fireStatus, !warmupHeld);
            return next;
        } catch (IOException | ConfigException | RuntimeException e) {
            next.close();
            if (previous != null) {
                try {
                    previous.restart();
                } catch (IOException again) {
                    log.error("the previous webhook listener could not restart either: {}", again.toString());
                }
            }
            throw e;
        }
    }

    /** Every call's actions, each sent to the engine that owns the call. */
    public CallActions actions() {
        return engines;
    }

    /** Where an accept with a profile notes the version on the call's record (the history recorder). */
    public void tagProfilesWith(BiConsumer<String, ProfileVersion> tags) {
        engines.tagProfilesWith(tags);
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
            } catch (IOException | ConfigException | IllegalArgumentException e) {
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
        Engine started = startEngine(next, next.demo(demoRequested), engines.current());
        // saved only once the new listener runs: settings that cannot start must not stop the next launch
        if (settingsFile != null) {
            SavedSettings.save(settingsFile, next.apiKey(), next.webhookSecret(), next.port(), next.bind(),
                    next.baseUrl(), fromEnvironment);
        }
        engines.swap(started);
        connection = next;
        log.info("settings applied: {} ({} mode) on {}", next, started.demo().isPresent() ? "demo" : "live",
                started.listener().url());
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
            return tester.test(key, base);
        }, background);
    }

    /** The connection in use now (secrets included: for the setup checklist, never for display). */
    public Connection connection() {
        return connection;
    }

    /** The configured key and secret: what no export may contain. */
    public List<String> secrets() {
        Connection c = connection;
        return java.util.stream.Stream.of(c.apiKey(), c.webhookSecret())
                .filter(s -> s != null && !s.isBlank()).distinct().toList();
    }

    // ---- status ----

    @Override
    public String listenerUrl() {
        return engines.current().listener().url();
    }

    @Override
    public long webhooksReceived() {
        return engines.received();
    }

    @Override
    public long webhooksRejected() {
        return engines.rejected();
    }

    @Override
    public void onStatusChanged(Runnable statusListener) {
        statusListeners.add(statusListener);
    }

    private void fireStatus() {
        statusListeners.forEach(Runnable::run);
    }

    @Override
    public boolean isDemo() {
        return engines.current().demo().isPresent();
    }

    @Override
    public String maskedApiKey() {
        return isDemo() ? "(demo mode: simulator key)" : ConnectionSettings.maskKey(connection.apiKey());
    }

    /** The running webhook listener (the setup checklist probes it and watches its self-test arrive). */
    public WebhookListener webhookListener() {
        return engines.current().listener();
    }

    /** The current engine's call monitor. For tests and benchmarks. */
    public CallMonitor monitor() {
        return engines.current().monitor();
    }

    /** The demo peer now in use (empty in live mode). */
    public Optional<DemoPeer> demoPeer() {
        return engines.current().demo();
    }

    /** Sees every verified incoming webhook (with its arrival time) before the monitor does. For benchmarks. */
    public void addIncomingObserver(Consumer<IncomingCall> observer) {
        incomingObservers.add(observer);
    }

    // ---- demo calls ----

    @Override
    public List<String> demoScenarios() {
        return demoPeer().map(DemoPeer::scenarioLabels).orElse(List.of());
    }

    @Override
    public CompletableFuture<String> ringDemoCall(int scenarioIndex) {
        Optional<DemoPeer> peer = demoPeer();
        if (peer.isEmpty()) {
            return DemoCalls.NONE.ringDemoCall(scenarioIndex);
        }
        // ring() returns once the webhook was answered; the call reaches the registry just after
        return CompletableFuture.supplyAsync(() -> peer.get().ring(scenarioIndex))
                .thenCompose(id -> registry.whenAdded(id).thenApply(call -> id));
    }

    // ---- auto-accept ----

    @Override
    public void setAutoAccept(boolean enabled, AcceptSettings settings) {
        // no lock: the accept panel calls this on every edit, and apply() holds the lock during I/O
        AcceptSettings next = enabled ? settings : null;
        autoAcceptSettings = next;
        engines.current().monitor().setAutoAccept(next);
    }

    @Override
    public boolean autoAccept() {
        return autoAcceptSettings != null;
    }

    @Override
    public void close() {
        background.shutdownNow();
        engines.close();
    }
}
