package dev.switchboard.app;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ConfigException;
import dev.switchboard.logging.Redactor;
import dev.switchboard.config.DataDirectory;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.monitor.CallMonitor;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.OpenAiHttp;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.ProfileVersion;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running monitor, wired: webhook listener → call monitor → REST client and sideband sessions, and in demo
 * mode the embedded simulator playing OpenAI. Both the window and the headless mode run on it.
 */
public final class SwitchboardRuntime implements Backend, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SwitchboardRuntime.class);

    private final AppConfig config;
    private final Simulator simulator;
    private final String apiKey;
    private final CallRegistry registry = new CallRegistry();
    private final OkHttpClient http = OpenAiHttp.newClient();
    private final CallMonitor monitor;
    private final WebhookListener listener;
    private volatile boolean autoAccept;
    // ---- history (issue 5) ----
    private final HistoryStore history;
    private final CallRecorder recorder;

    private SwitchboardRuntime(AppConfig config, Simulator simulator, String apiKey, String baseUrl, String secret)
            throws IOException, ConfigException {
        this.config = config;
        this.simulator = simulator;
        this.apiKey = apiKey;
        // history first: every call the listener hands over is recorded from its first moment
        this.history = HistoryStore.openIn(DataDirectory.forConfig(config));
        this.recorder = new CallRecorder(history, Clock.systemUTC());
        recorder.attach(registry);
        registry.onAdded(this::routeByCalledNumber);
        CallsClient client = new CallsClient(http, new OpenAiEndpoints(baseUrl), apiKey, RetryPolicy.DEFAULT);
        this.monitor = new CallMonitor(registry, client, http, apiKey, Clock.systemUTC(), RetryPolicy.DEFAULT,
                CallMonitor.DEFAULT_RING_TIMEOUT);
        try {
            this.listener = startListener(config, new WebhookSignature(WebhookSecret.parse(secret)), simulator != null);
        } catch (IOException | ConfigException | RuntimeException e) {
            monitor.close();
            closeHistory();
            throw e;
        }
        if (simulator != null) {
            simulator.setWebhookTarget(URI.create(listener.url()));
        }
    }

    /**
     * Starts in live mode with an API key and webhook secret, or in demo mode on the simulator.
     *
     * @param simSpeed pace of the simulated conversations (1 = like a person)
     */
    public static SwitchboardRuntime start(AppConfig config, double simSpeed) throws IOException, ConfigException {
        // Whatever runs from here on, the configured key and secret never reach a log verbatim.
        Redactor.register(config.apiKey().orElse(null));
        Redactor.register(config.webhookSecret().orElse(null));
        if (config.demo()) {
            Simulator sim = new Simulator(SimOptions.demo().withSpeed(simSpeed));
            sim.start();
            try {
                return new SwitchboardRuntime(config, sim, sim.apiKey(), sim.baseUrl(), sim.webhookSecret());
            } catch (IOException | ConfigException | RuntimeException e) {
                sim.close();
                throw e;
            }
        }
        String secret = config.webhookSecret().orElseThrow(() -> new ConfigException(
                "OPENAI_WEBHOOK_SECRET is not set: it is needed to verify OpenAI's webhooks (or run with --demo)"));
        return new SwitchboardRuntime(config, null, config.apiKey().orElseThrow(), config.baseUrl(), secret);
    }

    /** In demo mode a busy port is no reason to fail: take any free one. Live mode needs the configured port. */
    private WebhookListener startListener(AppConfig config, WebhookSignature signature, boolean demo)
            throws IOException, ConfigException {
        WebhookListener candidate = new WebhookListener(config.bind(), config.port(), signature, Clock.systemUTC(),
                monitor::onIncoming);
        try {
            candidate.start();
            return candidate;
        } catch (BindException e) {
            if (!demo) {
                throw new ConfigException("port " + config.port() + " on " + config.bind()
                        + " is in use: stop the other program or choose another with PORT or --port");
            }
            log.warn("port {} is in use; the demo listener takes a free port instead", config.port());
            WebhookListener any = new WebhookListener(config.bind(), 0, signature, Clock.systemUTC(), monitor::onIncoming);
            any.start();
            return any;
        }
    }

    /** The running webhook listener (the setup checklist probes it and watches its self-test arrive). */
    public WebhookListener webhookListener() {
        return listener;
    }

    public CallMonitor monitor() {
        return monitor;
    }

    @Override
    public CallRegistry calls() {
        return registry;
    }

    @Override
    public CallActions actions() {
        return monitor;
    }

    @Override
    public String listenerUrl() {
        return listener.url();
    }

    @Override
    public long webhooksReceived() {
        return listener.received();
    }

    @Override
    public long webhooksRejected() {
        return listener.rejected();
    }

    @Override
    public void onStatusChanged(Runnable statusListener) {
        listener.addCounterListener(statusListener);
    }

    @Override
    public boolean isDemo() {
        return simulator != null;
    }

    @Override
    public List<String> demoScenarios() {
        return simulator == null ? List.of() : Arrays.stream(Scenario.values()).map(Scenario::label).toList();
    }

    @Override
    public CompletableFuture<String> ringDemoCall(int scenarioIndex) {
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
        autoAccept = enabled;
        monitor.setAutoAccept(enabled ? settings : null);
    }

    @Override
    public boolean autoAccept() {
        return autoAccept;
    }

    @Override
    public String maskedApiKey() {
        return simulator != null ? "(demo mode: simulator key)" : config.maskedApiKey();
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

    /**
     * Accepts with a profile version and notes it on the call's history record: what the accept panel's profile
     * picker and headless {@code --profile} use.
     */
    public CompletableFuture<Void> accept(dev.switchboard.call.Call call, ProfileVersion profile) {
        recorder.tagProfile(call.id(), profile);
        return monitor.accept(call, profile.settings());
    }

    @Override
    public java.util.Optional<HistoryStore> historyStore() {
        return java.util.Optional.of(history);
    }

    @Override
    public CompletableFuture<Void> acceptWithProfile(dev.switchboard.call.Call call, ProfileVersion profile) {
        return accept(call, profile);
    }

    @Override
    public List<String> secretsToRedact() {
        return java.util.stream.Stream.of(apiKey, config.apiKey().orElse(null), config.webhookSecret().orElse(null))
                .filter(s -> s != null && !s.isBlank()).distinct().toList();
    }

    /** Routing rules: while nobody auto-accepts everything, a rule for the called number accepts with its profile. */
    private void routeByCalledNumber(dev.switchboard.call.Call call) {
        if (monitor == null || monitor.autoAcceptSettings() != null) {
            return;
        }
        try {
            history.routing().route(call).ifPresent(profile -> {
                log.info("call {} to {} routed to profile {}", call.id(), call.callee().number(), profile.ref().describe());
                accept(call, profile);
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
        listener.stop();
        monitor.close();
        closeHistory();
        if (simulator != null) {
            simulator.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
