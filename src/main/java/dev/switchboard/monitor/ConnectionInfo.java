package dev.switchboard.monitor;

import dev.switchboard.config.SavedSettings;
import java.util.Set;

/**
 * The connection settings as they are now, for the Settings dialog. Secrets only ever masked.
 *
 * @param maskedApiKey        the configured live key, masked ({@code (not set)} in demo mode without one)
 * @param maskedWebhookSecret the configured webhook secret, masked
 * @param port                the configured listener port (the bound one is in the listener URL)
 * @param bind                the address the listener binds
 * @param baseUrl             the OpenAI API base URL
 * @param fromEnvironment     which of {@link #API_KEY}, {@link #WEBHOOK_SECRET}, {@link #PORT}, {@link #BIND},
 *                            {@link #BASE_URL} the environment (or a flag) sets: those win over saved settings
 * @param settingsFile        where the settings are saved, for the dialog to say so
 */
public record ConnectionInfo(String maskedApiKey, String maskedWebhookSecret, int port, String bind, String baseUrl,
                             Set<String> fromEnvironment, String settingsFile) {

    public static final String API_KEY = SavedSettings.API_KEY;
    public static final String WEBHOOK_SECRET = SavedSettings.WEBHOOK_SECRET;
    public static final String BASE_URL = SavedSettings.BASE_URL;
    public static final String PORT = SavedSettings.PORT;
    public static final String BIND = SavedSettings.BIND;

    public ConnectionInfo {
        fromEnvironment = Set.copyOf(fromEnvironment);
    }

    public boolean fromEnvironment(String name) {
        return fromEnvironment.contains(name);
    }
}
