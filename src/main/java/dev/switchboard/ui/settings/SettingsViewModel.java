package dev.switchboard.ui.settings;

import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.ConnectionInfo;
import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.UiDispatcher;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings dialog's state. The saved key and secret are never held here, only their masked form; the
 * fields hold what the person types (empty = keep the saved value). Save and Test run on the backend's threads
 * and report back through the dispatcher.
 */
public final class SettingsViewModel {

    private final Backend backend;
    private final UiDispatcher dispatcher;
    private final ConnectionInfo info;

    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final BooleanProperty removeApiKey = new SimpleBooleanProperty(this, "removeApiKey");
    private final StringProperty webhookSecret = new SimpleStringProperty(this, "webhookSecret", "");
    private final BooleanProperty removeWebhookSecret = new SimpleBooleanProperty(this, "removeWebhookSecret");
    private final StringProperty port = new SimpleStringProperty(this, "port");
    private final StringProperty bind = new SimpleStringProperty(this, "bind");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl");
    private final StringProperty testResult = new SimpleStringProperty(this, "testResult", "");
    private final BooleanProperty testing = new SimpleBooleanProperty(this, "testing");
    private final StringProperty saveResult = new SimpleStringProperty(this, "saveResult", "");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private final BooleanProperty saveFailed = new SimpleBooleanProperty(this, "saveFailed");
    private final StringBinding problem;
    private final BooleanBinding saveDisabled;

    public SettingsViewModel(Backend backend, UiDispatcher dispatcher) {
        this.backend = backend;
        this.dispatcher = dispatcher;
        this.info = backend.connection().connectionInfo();
        port.set(Integer.toString(info.port()));
        bind.set(info.bind());
        baseUrl.set(info.baseUrl());
        problem = Bindings.createStringBinding(() -> {
            List<String> all = problems();
            return all.isEmpty() ? "" : all.get(0);
        }, apiKey, webhookSecret, port, bind, baseUrl);
        saveDisabled = problem.isNotEmpty().or(saving);
        removeApiKey.addListener((obs, was, on) -> {
            if (on) {
                apiKey.set("");
            }
        });
        removeWebhookSecret.addListener((obs, was, on) -> {
            if (on) {
                webhookSecret.set("");
            }
        });
    }

    /** The price table editor, when the monitor keeps an editable one. */
    public java.util.Optional<PricesViewModel> prices() {
        return backend.connection().prices().map(p -> new PricesViewModel(p, dispatcher));
    }

    /** Settings → Team hub, where this window can save one. */
    public java.util.Optional<TeamHubViewModel> teamHub() {
        return backend.connection().teamHub().map(t -> new TeamHubViewModel(t, dispatcher));
    }

    /** What is wrong with the form, first problem first; empty when it can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String key = apiKey.get().trim();
        if (!key.isEmpty() && !key.matches("\\S+")) {
            problems.add("The API key contains spaces or line breaks; copy it again.");
        }
        String secret = webhookSecret.get().trim();
        if (!secret.isEmpty()) {
            String problem = ConnectionSettings.webhookSecretProblem(secret);
            if (!problem.isEmpty()) {
                problems.add(sentence(problem));
            }
        }
        String portText = port.get() == null ? "" : port.get().trim();
        if (parsePort(portText) < 0) {
            problems.add("The port must be a number from 0 to 65535 (0 picks any free port).");
        }
        if (bind.get() == null || bind.get().isBlank()) {
            problems.add("The bind address is empty (127.0.0.1 listens on this computer only).");
        }
        String urlProblem = baseUrlProblem(baseUrl.get() == null ? "" : baseUrl.get().trim());
        if (urlProblem != null) {
            problems.add(urlProblem);
        }
        return problems;
    }

    static int parsePort(String text) {
        try {
            int value = Integer.parseInt(text);
            return value >= 0 && value <= 65535 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String baseUrlProblem(String url) {
        String problem = "The base URL must be an http or https URL, like " + "https://api.openai.com/v1.";
        if (url.isEmpty()) {
            return problem;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                return problem;
            }
            return null;
        } catch (URISyntaxException e) {
            return problem;
        }
    }

    private static String sentence(String message) {
        String text = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /** The settings the Save button applies: empty key / secret fields keep the saved ones. */
    public ConnectionSettings toSettings() {
        String key = removeApiKey.get() ? "" : blankToNull(apiKey.get());
        String secret = removeWebhookSecret.get() ? "" : blankToNull(webhookSecret.get());
        return new ConnectionSettings(key, secret, parsePort(port.get().trim()), bind.get().trim(), baseUrl.get().trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Saves and restarts the backend on the settings; the typed secrets are cleared once they are handed over. */
    public CompletableFuture<Void> save() {
        if (saveDisabled.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException(problem.get()));
        }
        ConnectionSettings settings = toSettings();
        saving.set(true);
        saveFailed.set(false);
        saveResult.set("Saving and restarting the listener…");
        CompletableFuture<Void> done = new CompletableFuture<>();
        backend.connection().applySettings(settings).whenComplete((ok, error) -> dispatcher.run(() -> {
            saving.set(false);
            if (error == null) {
                apiKey.set("");
                webhookSecret.set("");
                saveResult.set("Saved. Listening on " + backend.status().listenerUrl()
                        + (backend.status().isDemo() ? " (demo mode)." : " (live)."));
                done.complete(null);
            } else {
                saveFailed.set(true);
                saveResult.set("Not saved: " + CallCommands.plainMessage(error).replaceFirst("^Something went wrong: ", ""));
                done.completeExceptionally(error);
            }
        }));
        return done;
    }

    /** Tests the typed key (or the saved one when the field is empty) against the base URL in the form. */
    public void testConnection() {
        String url = baseUrl.get() == null ? "" : baseUrl.get().trim();
        String urlProblem = baseUrlProblem(url);
        if (urlProblem != null) {
            testResult.set(urlProblem);
            return;
        }
        testing.set(true);
        testResult.set("Testing…");
        backend.connection().testConnection(blankToNull(apiKey.get()), url).whenComplete((result, error) -> dispatcher.run(() -> {
            testing.set(false);
            testResult.set(error == null ? result : "Could not test: " + CallCommands.plainMessage(error));
        }));
    }

    // ---- what the dialog shows ----

    public ConnectionInfo info() {
        return info;
    }

    public String maskedApiKey() {
        return info.maskedApiKey();
    }

    public String maskedWebhookSecret() {
        return info.maskedWebhookSecret();
    }

    public boolean fromEnvironment(String name) {
        return info.fromEnvironment(name);
    }

    /** One line on where settings live and what wins over them. */
    public String storageNote() {
        String note = "Saved to " + info.settingsFile() + " (readable by you only). Environment variables "
                + "(OPENAI_API_KEY, OPENAI_WEBHOOK_SECRET, OPENAI_BASE_URL, PORT), .env and command-line flags "
                + "win over saved settings.";
        if (!info.fromEnvironment().isEmpty()) {
            note += " Set by the environment now: " + String.join(", ", info.fromEnvironment().stream().sorted().toList())
                    + ".";
        }
        return note;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public BooleanProperty removeApiKeyProperty() {
        return removeApiKey;
    }

    public StringProperty webhookSecretProperty() {
        return webhookSecret;
    }

    public BooleanProperty removeWebhookSecretProperty() {
        return removeWebhookSecret;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty bindProperty() {
        return bind;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing;
    }

    public ReadOnlyStringProperty saveResultProperty() {
        return saveResult;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyBooleanProperty saveFailedProperty() {
        return saveFailed;
    }

    /** The first problem, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding saveDisabledProperty() {
        return saveDisabled;
    }
}
