package dev.switchboard.setup;

import dev.switchboard.call.PrivacyMask;
import dev.switchboard.config.AppConfig;
import dev.switchboard.logging.Redactor;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiApiException;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.webhook.WebhookListener;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The first-run checklist: is everything in place for a real call to ring? Each check gives a {@link CheckResult}
 * with the fix in plain words. Blocking (network requests, up to a few seconds each): run it off the UI thread.
 *
 * <p>The listener check either probes a running listener (the app's own, passed in) or, when nothing runs yet,
 * binds the configured port itself, which proves it is free; that listener then receives the public URL's
 * self-test and is closed by {@link #close()}.
 */
public final class SetupChecklist implements AutoCloseable {

    public static final String API_KEY = "API key";
    public static final String WEBHOOK_SECRET = "Webhook secret";
    public static final String LISTENER = "Listener port";
    public static final String PUBLIC_URL = "Public URL";
    public static final String SIP_URI = "SIP URI for the trunk";

    /** The event type of the signed test webhook sent through the public URL; the listener acknowledges and ignores it. */
    public static final String SELF_TEST_TYPE = "switchboard.self_test";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern PROJECT_ID = Pattern.compile("proj_[A-Za-z0-9]{6,64}");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What is checked. Null for anything not configured.
     *
     * @param port the listener port; 0 means "any free port" (only useful in tests)
     */
    public record Settings(String apiKey, String baseUrl, String webhookSecret, String bind, int port,
                           String publicUrl, String projectId) {

        public Settings {
            baseUrl = baseUrl == null ? AppConfig.DEFAULT_BASE_URL : baseUrl;
            bind = bind == null ? AppConfig.DEFAULT_BIND : bind;
        }

        public static Settings of(AppConfig config) {
            return new Settings(config.apiKey().orElse(null), config.baseUrl(), config.webhookSecret().orElse(null),
                    config.bind(), config.port(), config.publicUrl().orElse(null), config.projectId().orElse(null));
        }
    }

    private final Settings settings;
    private final WebhookListener runningListener;
    private final Duration timeout;
    private final OkHttpClient http;
    private WebhookListener ownListener;

    /**
     * @param runningListener the app's listener when it is already running (then the port is probed, not
     *                        bound), or null
     * @param timeout         for each network request and for the self-test webhook to arrive
     */
    public SetupChecklist(Settings settings, WebhookListener runningListener, Duration timeout) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.runningListener = runningListener;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .retryOnConnectionFailure(false)
                .build();
        Redactor.register(settings.apiKey());
        Redactor.register(settings.webhookSecret());
    }

    /** The origination URI to put on the SIP trunk for a project. */
    public static String sipUri(String projectId) {
        return "sip:" + projectId.trim() + "@sip.api.openai.com;transport=tls";
    }

    /** Every check, in the order a person fixes them. */
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        results.add(checkApiKey());
        CheckResult secret = checkWebhookSecret();
        results.add(secret);
        CheckResult listener = checkListener();
        results.add(listener);
        results.add(checkPublicUrl(secret.passed(), listener.passed()));
        results.add(checkSipUri());
        return results;
    }

    /** True when nothing failed (skipped checks only follow from failed ones). */
    public static boolean allPassed(List<CheckResult> results) {
        return results.stream().noneMatch(CheckResult::failed);
    }

    public CheckResult checkApiKey() {
        String key = settings.apiKey();
        if (key == null || key.isBlank()) {
            return CheckResult.fail(API_KEY, AppConfig.API_KEY + " is not set.",
                    "Create a key at platform.openai.com/api-keys and put " + AppConfig.API_KEY
                            + "=sk-... in the environment or in a .env file in the folder you start Switchboard from.");
        }
        OpenAiEndpoints endpoints;
        try {
            endpoints = new OpenAiEndpoints(settings.baseUrl());
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(API_KEY, "The API address '" + settings.baseUrl() + "' is not a URL.",
                    "Fix or remove " + AppConfig.BASE_URL + " (the default is " + AppConfig.DEFAULT_BASE_URL + ").");
        }
        CallsClient client = new CallsClient(http, endpoints, key.trim(), RetryPolicy.DEFAULT);
        try {
            client.checkKey();
            return CheckResult.pass(API_KEY, "OpenAI accepted the key " + mask(key) + ".");
        } catch (OpenAiApiException e) {
            return switch (e.status()) {
                case 0 -> CheckResult.fail(API_KEY, "Could not reach " + endpoints + " to test the key"
                                + (e.apiMessage() == null ? "." : " (" + Redactor.redact(e.apiMessage()) + ")."),
                        "Check the internet connection, proxy or firewall"
                                + (settings.baseUrl().equals(AppConfig.DEFAULT_BASE_URL) ? "."
                                : ", and " + AppConfig.BASE_URL + ", which points elsewhere than OpenAI."));
                case 401 -> CheckResult.fail(API_KEY, "OpenAI refused the key " + mask(key) + " (401).",
                        "The key is mistyped, revoked or from a deleted project: create a new one at "
                                + "platform.openai.com/api-keys and copy it whole into " + AppConfig.API_KEY + ".");
                case 403 -> CheckResult.fail(API_KEY, "The key " + mask(key) + " works but may not do this (403).",
                        "Use a key with 'All' permissions, or give this restricted key read access to Models "
                                + "and write access to the Realtime API.");
                case 429 -> CheckResult.fail(API_KEY, "OpenAI is rate limiting this key (429).",
                        "Wait a minute and check again; if it persists, check the project's limits and billing.");
                default -> CheckResult.fail(API_KEY, Redactor.redact(e.getMessage()) + ".",
                        "Try again in a minute; if it persists, check status.openai.com.");
            };
        }
    }

    public CheckResult checkWebhookSecret() {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            return CheckResult.fail(WEBHOOK_SECRET, AppConfig.WEBHOOK_SECRET + " is not set.",
                    "In the OpenAI platform open Settings > Webhooks, open (or create) the webhook for Switchboard, "
                            + "reveal its signing secret and put " + AppConfig.WEBHOOK_SECRET
                            + "=whsec_... in the environment or the .env file.");
        }
        String value = secret.trim();
        if (value.startsWith("sk-")) {
            return CheckResult.fail(WEBHOOK_SECRET, AppConfig.WEBHOOK_SECRET + " holds an API key, not a webhook secret.",
                    "Put the webhook's signing secret there (it starts with whsec_, from Settings > Webhooks); "
                            + "the API key belongs in " + AppConfig.API_KEY + ".");
        }
        if (!value.startsWith(WebhookSecret.PREFIX)) {
            return CheckResult.fail(WEBHOOK_SECRET, AppConfig.WEBHOOK_SECRET + " does not start with whsec_.",
                    "Copy the signing secret again from Settings > Webhooks in the OpenAI platform: all of it, "
                            + "from whsec_ on, without quotes or spaces.");
        }
        try {
            WebhookSecret.parse(value);
            return CheckResult.pass(WEBHOOK_SECRET, "Set, and in the whsec_ form OpenAI uses.");
        } catch (IllegalArgumentException e) {
            return CheckResult.fail(WEBHOOK_SECRET,
                    e.getMessage().replaceFirst("^webhook secret", AppConfig.WEBHOOK_SECRET) + ".",
                    "Copy the signing secret again from Settings > Webhooks in the OpenAI platform: it is whsec_ "
                            + "followed by letters, digits, + and /, without quotes, spaces or line breaks.");
        }
    }

    /** Probes the running listener, or binds the port (proving it is free) and probes that. */
    public synchronized CheckResult checkListener() {
        WebhookListener listener = runningListener != null ? runningListener : ownListener;
        if (listener == null) {
            WebhookListener candidate = new WebhookListener(settings.bind(), settings.port(), signature(),
                    Clock.systemUTC(), call -> { });
            try {
                candidate.start();
            } catch (BindException e) {
                return CheckResult.fail(LISTENER, "Port " + settings.port() + " on " + settings.bind() + " is in use.",
                        "Another program, or another Switchboard, holds port " + settings.port()
                                + ": close it, or choose a free port with PORT or --port, and point the tunnel at "
                                + "the same port.");
            } catch (IOException | RuntimeException e) {
                return CheckResult.fail(LISTENER, "Could not listen on " + settings.bind() + ":" + settings.port()
                                + " (" + e.getMessage() + ").",
                        "Use --bind 127.0.0.1 (or an address of this computer) and a port between 1024 and 65535.");
            }
            ownListener = candidate;
            listener = candidate;
        }
        // A bare TCP connection: an HTTP probe would count as a rejected webhook in the app's status bar.
        String url = listener.url();
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(URI.create(url).getHost()), listener.port()),
                    (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return CheckResult.pass(LISTENER, (runningListener != null ? "Listening on " : "Port is free; listening on ")
                    + url + ".");
        } catch (IOException | RuntimeException e) {
            return CheckResult.fail(LISTENER, "The listener does not answer on " + url + " (" + e.getMessage() + ").",
                    "Restart Switchboard; a firewall on this computer may block local connections to port "
                            + listener.port() + ".");
        }
    }

    public CheckResult checkPublicUrl(boolean secretUsable, boolean listening) {
        String raw = settings.publicUrl();
        int port = settings.port();
        String tunnelHint = "start a tunnel to the listener (for example: ngrok http " + (port == 0 ? 8000 : port) + ")";
        if (raw == null || raw.isBlank()) {
            return CheckResult.fail(PUBLIC_URL, "No public URL given.",
                    "OpenAI must reach this computer: " + tunnelHint + ", then enter its https address with "
                            + WebhookListener.PATH + " at the end (--public-url or " + AppConfig.PUBLIC_URL
                            + "), and use the same URL for the webhook in the OpenAI platform.");
        }
        String url = raw.trim();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return CheckResult.fail(PUBLIC_URL, "'" + url + "' is not a web address.",
                    "Enter the tunnel's https address with " + WebhookListener.PATH
                            + " at the end, e.g. https://example.ngrok.app" + WebhookListener.PATH + ".");
        }
        if (!secretUsable || !listening) {
            return CheckResult.skipped(PUBLIC_URL, "Not tested: " + (!secretUsable ? "the webhook secret" : "the listener")
                    + " is not ready.", "Fix the items above, then check again.");
        }
        WebhookListener listener = runningListener != null ? runningListener : ownListener;
        String eventId = "evt_selftest_" + HexFormat.of().formatHex(randomBytes(12));
        String webhookId = "wh_selftest_" + HexFormat.of().formatHex(randomBytes(12));
        long now = System.currentTimeMillis() / 1000;
        byte[] body = ("{\"object\":\"event\",\"id\":\"" + eventId + "\",\"type\":\"" + SELF_TEST_TYPE
                + "\",\"created_at\":" + now + ",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        BiConsumer<String, String> observer = (type, id) -> {
            if (SELF_TEST_TYPE.equals(type) && eventId.equals(id)) {
                arrived.complete(null);
            }
        };
        listener.addObserver(observer);
        try {
            Request request = new Request.Builder().url(url)
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(now))
                    .header("webhook-signature", signature().sign(webhookId, now, body))
                    .header("User-Agent", "Switchboard setup check")
                    .post(RequestBody.create(body, JSON))
                    .build();
            int status;
            long started = System.nanoTime();
            try (Response response = http.newCall(request).execute()) {
                status = response.code();
            } catch (UnknownHostException e) {
                return CheckResult.fail(PUBLIC_URL, "The name " + uri.getHost() + " does not exist (any more).",
                        "Check the address for typos; a free ngrok address changes at every start: copy the current "
                                + "one, or reserve a fixed domain.");
            } catch (IOException e) {
                return CheckResult.fail(PUBLIC_URL, "Could not reach " + url + " (" + describe(e) + ").",
                        "Is the tunnel running? " + capitalise(tunnelHint) + " and use the https address it prints.");
            }
            if (status / 100 == 2) {
                try {
                    arrived.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    return CheckResult.pass(PUBLIC_URL, "A signed test webhook sent to " + url + " arrived here in "
                            + millis + " ms.");
                } catch (TimeoutException e) {
                    return CheckResult.fail(PUBLIC_URL, url + " answered " + status
                                    + " but the test webhook never reached this Switchboard.",
                            "The address leads to another program or port: point the tunnel at port "
                                    + listener.port() + " (ngrok http " + listener.port() + ").");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return CheckResult.skipped(PUBLIC_URL, "Interrupted.", "Check again.");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return CheckResult.fail(PUBLIC_URL, url + " answered " + status + " to a signed test webhook.",
                    fixForStatus(status, listener.port()));
        } finally {
            listener.removeObserver(observer);
        }
    }

    public CheckResult checkSipUri() {
        String projectId = settings.projectId();
        if (projectId == null || projectId.isBlank()) {
            return CheckResult.fail(SIP_URI, "No OpenAI project id given.",
                    "Copy the project id (proj_...) from the OpenAI platform, Settings > General, and enter it "
                            + "once with --project-id or " + AppConfig.PROJECT_ID + ".");
        }
        String id = projectId.trim();
        if (!PROJECT_ID.matcher(id).matches()) {
            return CheckResult.fail(SIP_URI, "'" + id + "' is not an OpenAI project id.",
                    "A project id is proj_ followed by letters and digits (Settings > General in the OpenAI "
                            + "platform); the organisation id (org-...) and the project name do not work.");
        }
        return CheckResult.pass(SIP_URI, sipUri(id));
    }

    @Override
    public synchronized void close() {
        if (ownListener != null) {
            ownListener.close();
            ownListener = null;
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private WebhookSignature signature() {
        String secret = settings.webhookSecret();
        try {
            return new WebhookSignature(WebhookSecret.parse(secret));
        } catch (IllegalArgumentException e) {
            // Without a usable secret the port can still be checked; nothing can be verified with this one.
            return new WebhookSignature(WebhookSecret.parse(WebhookSecret.generate()));
        }
    }

    private static String fixForStatus(int status, int port) {
        if (status == 400 || status == 401 || status == 403) {
            return "Something at that address checked the signature with another secret: another Switchboard or "
                    + "webhook receiver is behind the tunnel. Point the tunnel at this one's port " + port + ".";
        }
        if (status == 404 || status == 405) {
            return "The address reaches a server that has no webhook there: the URL should end in "
                    + WebhookListener.PATH + ", and the tunnel should forward to port " + port + ".";
        }
        if (status == 502 || status == 503 || status == 504) {
            return "The tunnel is up but nothing answers behind it: point it at port " + port
                    + " (ngrok http " + port + ") while Switchboard runs.";
        }
        return "Point the tunnel at port " + port + " and make sure nothing (a proxy, a login page) sits in between.";
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Redactor.redact(message);
    }

    /** ASCII dots: the same text goes to consoles that cannot show "…". */
    private static String mask(String key) {
        return PrivacyMask.keepEnds(key, 3, "...");
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
