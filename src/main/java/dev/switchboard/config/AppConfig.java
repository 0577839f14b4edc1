package dev.switchboard.config;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.WatchdogLimits;
import dev.switchboard.call.PrivacyMask;
import dev.switchboard.call.TurnDetection;
import dev.switchboard.webhook.WebhookSecret;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the app runs: credentials and endpoints from the environment (or a {@code .env} file in the working
 * directory, the tutorial's habit), overridden by command-line flags, plus the headless mode's accept
 * settings. Immutable; {@link #toString()} never shows the API key or the webhook secret.
 */
public final class AppConfig {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final int DEFAULT_PORT = 8000;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String ENV_FILE = ".env";

    public static final String API_KEY = "OPENAI_API_KEY";
    public static final String WEBHOOK_SECRET = "OPENAI_WEBHOOK_SECRET";
    public static final String BASE_URL = "OPENAI_BASE_URL";
    public static final String PORT = "PORT";
    public static final String PROJECT_ID = "OPENAI_PROJECT_ID";
    public static final String PUBLIC_URL = "SWITCHBOARD_PUBLIC_URL";

    /** Every flag, in the order {@code --help} lists them. */
    public static final List<FlagSpec> FLAGS = List.of(
            FlagSpec.toggle("headless", "run without a window: accept calls with the settings below"),
            FlagSpec.toggle("demo", "use the built-in simulator instead of OpenAI (also when no API key)"),
            FlagSpec.value("port", "N", "webhook listener port, 0-65535 (default " + DEFAULT_PORT + ", env PORT)"),
            FlagSpec.value("bind", "HOST", "address the listener binds (default " + DEFAULT_BIND + ")"),
            FlagSpec.value("base-url", "URL", "OpenAI API base URL (default " + DEFAULT_BASE_URL + ")"),
            FlagSpec.value("instructions", "TEXT", "what the agent is told to do"),
            FlagSpec.value("instructions-file", "PATH", "read the instructions from a UTF-8 file"),
            FlagSpec.value("voice", "NAME", String.join(", ", AcceptSettings.VOICES) + " (default marin)"),
            FlagSpec.value("model", "NAME", "realtime model, e.g. " + String.join(", ", AcceptSettings.MODELS)
                    + " (default gpt-realtime)"),
            FlagSpec.value("greeting", "TEXT", "what the agent says first; empty to wait for the caller"),
            FlagSpec.value("transcription", "MODEL|off", "caller transcription: "
                    + String.join(", ", AcceptSettings.TRANSCRIPTION_MODELS) + ", or off"),
            FlagSpec.value("turn-detection", "MODE", "semantic_vad (default), server_vad or none"),
            FlagSpec.value("data-dir", "PATH",
                    "where Switchboard keeps its files (and logs/switchboard.log, call history, profiles)"),
            FlagSpec.toggle("check", "run the setup checklist, print one line per check, exit 0 if all pass"),
            FlagSpec.value("public-url", "URL",
                    "the tunnel address OpenAI posts webhooks to, e.g. https://x.ngrok.app/webhook"),
            FlagSpec.value("project-id", "ID", "the OpenAI project id (proj_...), for the trunk's SIP URI"),
            FlagSpec.toggle("presenter", "presenter mode: large text, caller numbers and secrets masked"),
            FlagSpec.toggle("audience", "also open the audience window (transcript and live badges, masked) for a projector"),
            FlagSpec.value("profile", "NAME", "headless: accept with this saved profile's latest version"),
            FlagSpec.value("tools", "FILE", "headless: accept with these tools, {\"tools\":[...], \"replies\":{...}}, "
                    + "and answer each function call with its reply"),
            FlagSpec.value("mcp-approve", "always|never", "headless: answer MCP approval requests (default never)"),
            FlagSpec.value("prices", "FILE",
                    "USD per 1M tokens per model, JSON like the built-in prices.json; adds or overrides models"),
            FlagSpec.value("hub", "URL", "with --headless: team hub, publish calls to Redis (redis://[user:password@]host:port[/db],"
                    + " rediss:// for TLS)"),
            FlagSpec.value("lease-ms", "N", "team hub: how long a call's ownership lease lasts unrenewed (default 5000)"),
            FlagSpec.value("attach", "URL", "team desk: watch every call of the hubs on this Redis; no listener, no key"),
            FlagSpec.toggle("tail", "with --attach: print every call's lines, from their start, then live (no window)"),
            FlagSpec.pair("say", "CALL_ID TEXT", "with --attach: make the call's agent say TEXT, print the hub's answer"),
            FlagSpec.value("desk", "NAME", "team mode: the name other desks see (default user@host)"),
            FlagSpec.value("import-profiles", "FILE",
                    "import a profiles file (as the profiles editor exports it), print one line per profile, exit"),
            FlagSpec.value("ab", "PROFILE,PROFILE[,...]",
                    "headless: rotate these saved profiles across incoming calls (strict alternation), tag each call"),
            FlagSpec.toggle("analyze", "headless: analyse each ended call (summary, outcome, rubric scores)"),
            FlagSpec.value("analysis-model", "NAME", "model for the post-call analysis (default gpt-4.1-mini)"),
            FlagSpec.value("report-dir", "DIR", "headless: write DIR/<call_id>.html when each call ends"),
            FlagSpec.value("cost-cap", "USD", "wrap up and hang up a call once its cost passes this many US dollars"),
            FlagSpec.repeatable("alert", "REGEX", "raise an alert when a transcript line matches (case-insensitive)"),
            FlagSpec.toggle("help", "show this text"));

    private final String apiKey;
    private final String webhookSecret;
    private final WebhookSecret signingSecret;
    private final String baseUrl;
    private final int port;
    private final String bind;
    private final boolean headless;
    private final boolean demoRequested;
    private final boolean helpRequested;
    private final AcceptSettings acceptSettings;
    private final Path dataDir;
    private final Extras extras;
    /** The whole parsed command line, for features that read their own flags. */
    private CommandLine commandLine = CommandLine.EMPTY;
    private WatchdogLimits watchdogLimits = WatchdogLimits.DEFAULTS;

    /** Flags added for the setup checklist, presenter mode and profiles, kept together so the constructor stays short. */
    private record Extras(boolean check, boolean presenter, String publicUrl, String projectId, String profile,
                          PriceTable prices) {
        static final Extras NONE = new Extras(false, false, null, null, null, null);
    }

    private AppConfig(String apiKey, String webhookSecret, WebhookSecret signingSecret, String baseUrl, int port,
                      String bind, boolean headless, boolean demoRequested, boolean helpRequested,
                      AcceptSettings acceptSettings, Path dataDir, Extras extras) {
        this.apiKey = apiKey;
        this.webhookSecret = webhookSecret;
        this.signingSecret = signingSecret;
        this.baseUrl = baseUrl;
        this.port = port;
        this.bind = bind;
        this.headless = headless;
        this.demoRequested = demoRequested;
        this.helpRequested = helpRequested;
        this.acceptSettings = acceptSettings;
        this.dataDir = dataDir;
        this.extras = extras;
    }

    /**
     * @param args       command-line arguments; flags override the environment
     * @param env        the process environment (tests pass their own map)
     * @param workingDir where {@code .env} is looked for and relative paths are resolved
     * @throws ConfigException with a one-line, plain-words reason
     */
    public static AppConfig load(String[] args, Map<String, String> env, Path workingDir) throws ConfigException {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(workingDir, "workingDir");
        List<String> arguments = args == null ? List.of() : List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            // Help must work even when the rest of the configuration is broken.
            return new AppConfig(null, null, null, DEFAULT_BASE_URL, DEFAULT_PORT, DEFAULT_BIND, false, false, true,
                    AcceptSettings.defaults(), null, Extras.NONE);
        }
        CommandLine flags = CommandLine.parse(arguments, FLAGS);
        Map<String, String> dotEnv = DotEnv.read(workingDir.resolve(ENV_FILE));

        String apiKey = lookup(API_KEY, env, dotEnv);
        if (apiKey != null && !apiKey.matches("\\S+")) {
            throw new ConfigException(API_KEY + " contains spaces or line breaks; copy it again");
        }

        String secret = lookup(WEBHOOK_SECRET, env, dotEnv);
        WebhookSecret signingSecret = null;
        if (secret != null) {
            try {
                signingSecret = WebhookSecret.parse(secret);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage().replaceFirst("^webhook secret", WEBHOOK_SECRET));
            }
        }

        String baseUrl = flags.has("base-url")
                ? normalizeBaseUrl("--base-url", flags.value("base-url"))
                : normalizeBaseUrl(BASE_URL, Optional.ofNullable(lookup(BASE_URL, env, dotEnv)).orElse(DEFAULT_BASE_URL));

        int port = flags.has("port")
                ? parsePort("--port", flags.value("port"))
                : parsePort(PORT, Optional.ofNullable(lookup(PORT, env, dotEnv)).orElse(Integer.toString(DEFAULT_PORT)));

        String bind = flags.has("bind") ? flags.value("bind").trim() : DEFAULT_BIND;
        if (bind.isEmpty()) {
            throw new ConfigException("--bind needs a host name or address");
        }

        Path dataDir = flags.has("data-dir") ? resolve(workingDir, "--data-dir", flags.value("data-dir")) : null;

        String profile = flags.has("profile") ? flags.value("profile").strip() : null;
        if (profile != null && profile.isEmpty()) {
            throw new ConfigException("--profile needs the name of a saved profile");
        }
        Extras extras = new Extras(flags.has("check"), flags.has("presenter"),
                flags.has("public-url") ? blankToNull(flags.value("public-url")) : lookup(PUBLIC_URL, env, dotEnv),
                flags.has("project-id") ? blankToNull(flags.value("project-id")) : lookup(PROJECT_ID, env, dotEnv),
                profile, flags.has("prices") ? PriceFile.read(resolve(workingDir, "--prices", flags.value("prices")))
                : null);

        AppConfig config = new AppConfig(apiKey, secret, signingSecret, baseUrl, port, bind, flags.has("headless"),
                flags.has("demo"), false, acceptSettings(flags, workingDir), dataDir, extras);
        config.commandLine = flags;
        config.watchdogLimits = AlertFlags.limits(flags);
        return config;
    }

    /** Every flag and environment variable, for {@code --help}. */
    public static String usage() {
        List<String> lines = new ArrayList<>(List.of("Usage: switchboard [options]", "", "Options:"));
        for (FlagSpec flag : FLAGS) {
            String left = "--" + flag.name() + (flag.args().isEmpty() ? "" : " " + flag.args());
            lines.add("  " + String.format(Locale.ROOT, "%-25s", left) + "  " + flag.help());
        }
        lines.addAll(List.of(
                "",
                "Flags take a value as '--flag value' or '--flag=value'.",
                "",
                "Environment (or KEY=value lines in ./" + ENV_FILE + "; the environment wins):",
                "  " + API_KEY + "             API key; without it Switchboard runs in demo mode",
                "  " + WEBHOOK_SECRET + "      the webhook's signing secret, whsec_...",
                "  " + BASE_URL + "            default " + DEFAULT_BASE_URL,
                "  " + PORT + "                       default " + DEFAULT_PORT,
                "  " + PROJECT_ID + "          same as --project-id",
                "  " + PUBLIC_URL + "     same as --public-url"));
        return String.join(System.lineSeparator(), lines);
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The secret as configured (raw text). */
    public Optional<String> webhookSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    /** The same secret, already parsed (it was validated while loading). */
    public Optional<WebhookSecret> signingSecret() {
        return Optional.ofNullable(signingSecret);
    }

    /** Without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return port;
    }

    public String bind() {
        return bind;
    }

    public boolean headless() {
        return headless;
    }

    /** True when asked for, or when there is no API key to talk to OpenAI with. */
    public boolean demo() {
        return demoRequested || apiKey == null;
    }

    public AcceptSettings acceptSettings() {
        return acceptSettings;
    }

    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** {@code --check}: run the setup checklist instead of the monitor. */
    public boolean check() {
        return extras.check();
    }

    /** {@code --presenter}: start in presenter mode (masked numbers and secrets, larger text). */
    public boolean presenter() {
        return extras.presenter();
    }

    /** The public (tunnel) webhook URL, as entered; the setup checklist validates it. */
    public Optional<String> publicUrl() {
        return Optional.ofNullable(extras.publicUrl());
    }

    /** The OpenAI project id, as entered ({@code proj_…}); the setup checklist validates it. */
    public Optional<String> projectId() {
        return Optional.ofNullable(extras.projectId());
    }

    /** {@code --profile NAME}: the saved profile headless mode accepts with. */
    public Optional<String> profile() {
        return Optional.ofNullable(extras.profile());
    }

    /** {@code --cost-cap} and {@code --alert} over the default watchdogs. */
    public WatchdogLimits watchdogLimits() {
        return watchdogLimits;
    }

    /** The {@code --prices FILE} table over the built-in one, or null without the flag. */
    public PriceTable pricesFlag() {
        return extras.prices();
    }

    /** {@code --prices FILE} over the built-in list prices, or the built-in ones alone. */
    public PriceTable prices() {
        return extras.prices() != null ? extras.prices() : PriceFile.bundled();
    }

    /** When true the caller prints {@link #usage()} and exits; the other values are then only defaults. */
    /** Every flag as given, for the features that read their own ({@link FlagSpec}s are listed in {@link #FLAGS}). */
    public CommandLine commandLine() {
        return commandLine;
    }

    public boolean helpRequested() {
        return helpRequested;
    }

    /** Enough of the key to recognise it, e.g. {@code sk-…abcd}; {@code (not set)} when absent. */
    public String maskedApiKey() {
        return PrivacyMask.keepEnds(apiKey, 3, "…");
    }

    @Override
    public String toString() {
        return "AppConfig[apiKey=" + maskedApiKey()
                + ", webhookSecret=" + (webhookSecret == null ? "(not set)" : "(set)")
                + ", baseUrl=" + baseUrl + ", port=" + port + ", bind=" + bind
                + ", headless=" + headless + ", demo=" + demo()
                + ", voice=" + acceptSettings.voice() + ", model=" + acceptSettings.model()
                + ", transcription=" + (acceptSettings.transcribesCaller() ? acceptSettings.transcriptionModel() : "off")
                + ", turnDetection=" + acceptSettings.turnDetection()
                + ", dataDir=" + (dataDir == null ? "(default)" : dataDir)
                + ", presenter=" + extras.presenter() + ", publicUrl=" + publicUrl().orElse("(not set)")
                + ", projectId=" + projectId().orElse("(not set)") + "]";
    }

    private static AcceptSettings acceptSettings(CommandLine flags, Path workingDir) throws ConfigException {
        AcceptSettings settings = AcceptSettings.defaults();
        if (flags.has("instructions") && flags.has("instructions-file")) {
            throw new ConfigException("use --instructions or --instructions-file, not both");
        }
        if (flags.has("instructions")) {
            settings = settings.withInstructions(flags.value("instructions"));
        }
        if (flags.has("instructions-file")) {
            settings = settings.withInstructions(readInstructions(
                    resolve(workingDir, "--instructions-file", flags.value("instructions-file"))));
        }
        if (flags.has("voice")) {
            settings = settings.withVoice(flags.value("voice"));
        }
        if (flags.has("model")) {
            settings = settings.withModel(flags.value("model"));
        }
        if (flags.has("greeting")) {
            settings = settings.withGreeting(flags.value("greeting"));
        }
        if (flags.has("transcription")) {
            String model = flags.value("transcription").trim();
            boolean off = model.equalsIgnoreCase("off") || model.equalsIgnoreCase("none");
            settings = settings.withTranscriptionModel(off ? "" : model);
        }
        if (flags.has("turn-detection")) {
            String mode = flags.value("turn-detection").trim();
            try {
                settings = settings.withTurnDetection(TurnDetection.fromWire(mode));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--turn-detection must be semantic_vad, server_vad or none, got '" + mode + "'");
            }
        }
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.get(0));
        }
        return settings;
    }

    private static String readInstructions(Path file) throws ConfigException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--instructions-file not found: " + file);
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.replace("\uFEFF", "").strip();
        } catch (CharacterCodingException e) {
            throw new ConfigException("--instructions-file is not UTF-8 text: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read --instructions-file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Path resolve(Path workingDir, String flag, String value) throws ConfigException {
        try {
            return workingDir.resolve(value.trim()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(flag + " is not a valid path: '" + value + "'");
        }
    }

    /** The environment wins over .env; blank values count as unset. */
    private static String lookup(String key, Map<String, String> env, Map<String, String> dotEnv) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            value = dotEnv.get(key);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int parsePort(String source, String raw) throws ConfigException {
        String value = raw.trim();
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // same message as out of range
        }
        throw new ConfigException(source + " must be a number between 0 and 65535, got '" + value + "'");
    }

    private static String normalizeBaseUrl(String source, String raw) throws ConfigException {
        String value = raw.trim();
        String failure = source + " must be an http or https URL, got '" + value + "'";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(failure);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new ConfigException(failure);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }
}
