package dev.switchboard.webhook;

import dev.switchboard.call.SipHeader;
import java.util.List;

/**
 * A verified {@code realtime.call.incoming} webhook.
 *
 * @param receivedNanos {@link System#nanoTime()} when the request arrived (latency benchmarks use it)
 */
public record IncomingCall(String webhookId, String eventId, String callId, List<SipHeader> sipHeaders,
                           long receivedNanos) {

    public IncomingCall {
        sipHeaders = List.copyOf(sipHeaders);
    }
}
