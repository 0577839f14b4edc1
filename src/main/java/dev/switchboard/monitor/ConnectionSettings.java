package dev.switchboard.monitor;

import dev.switchboard.call.PrivacyMask;
import dev.switchboard.webhook.WebhookSecret;
import java.util.Objects;

/**
 * What the Settings dialog saves: how the monitor reaches OpenAI and where it listens for webhooks.
 *
 * @param apiKey        a new API key; {@code null} keeps the saved one, {@code ""} removes it (back to demo mode)
 * @param webhookSecret a new {@code whsec_…} secret; {@code null} keeps the saved one, {@code ""} removes it
 * @param port          the listener port, 0-65535 (0 = any free port)
 * @param bind          the address the listener binds
 * @param baseUrl       the OpenAI API base URL, without a trailing slash
 */
public record ConnectionSettings(String apiKey, String webhookSecret, int port, String bind, String baseUrl) {

    public ConnectionSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
    }

    /** Why a webhook secret cannot verify OpenAI's webhooks, in plain words; empty when it can. */
    public static String webhookSecretProblem(String secret) {
        try {
            WebhookSecret.parse(secret);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Enough of a key to recognise it, e.g. {@code sk-…abcd}; {@code (not set)} when absent. */
    public static String maskKey(String key) {
        return mask(key, 3);
    }

    /** Like {@link #maskKey} for a webhook secret: {@code whsec_…abcd}. */
    public static String maskSecret(String secret) {
        return mask(secret, secret != null && secret.startsWith("whsec_") ? 6 : 0);
    }

    private static String mask(String value, int head) {
        return PrivacyMask.keepEnds(value, head, "…");
    }

    @Override
    public String toString() {
        return "ConnectionSettings[apiKey=" + (apiKey == null ? "(keep)" : maskKey(apiKey))
                + ", webhookSecret=" + (webhookSecret == null ? "(keep)" : maskSecret(webhookSecret))
                + ", port=" + port + ", bind=" + bind + ", baseUrl=" + baseUrl + "]";
    }
}
