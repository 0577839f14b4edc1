package dev.switchboard.monitor;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * What plays OpenAI in demo mode: a local server with its own key and webhook secret that rings calls through the
 * real webhook path. The app supplies it (the embedded simulator); the monitor only drives it.
 */
public interface DemoPeer extends AutoCloseable {

    void start() throws IOException;

    String apiKey();

    /** The REST base URL; the socket URL is derived from it as for OpenAI. */
    String baseUrl();

    String webhookSecret();

    /** Where its webhooks go: the listener's URL. */
    void setWebhookTarget(URI listenerUrl);

    List<String> scenarioLabels();

    /** Rings scenario {@code index}; returns the call id once the webhook was answered. */
    String ring(int index);

    @Override
    void close();
}
