package dev.switchboard.webhook;

import dev.switchboard.call.SipHeader;
import java.util.List;

/**
 * A verified {@code realtime.call.incoming} webhook.
 *
 * @param receivedNanos {@link System#nanoTime()} when the request arrived (latency benchmarks use it)
 * @param deliveryLag   {@code webhook-timestamp} (whole seconds) to the moment it arrived here, never negative;
 *                      null when unknown (a call re-read from the journal)
 */
public record IncomingCall(String webhookId, String eventId, String callId, List<SipHeader> sipHeaders,
                           long receivedNanos, java.time.Duration deliveryLag) {

    public IncomingCall {
        sipHeaders = List.copyOf(sipHeaders);
    }

    public IncomingCall(String webhookId, String eventId, String callId, List<SipHeader> sipHeaders, long receivedNanos) {
        this(webhookId, eventId, callId, sipHeaders, receivedNanos, null);
    }

    /** The same call, with how late OpenAI's webhook reached this listener. */
    public IncomingCall withDeliveryLag(java.time.Instant signedAt, java.time.Instant arrivedAt) {
        java.time.Duration lag = java.time.Duration.between(signedAt, arrivedAt);
        return new IncomingCall(webhookId, eventId, callId, sipHeaders, receivedNanos,
                lag.isNegative() ? java.time.Duration.ZERO : lag);
    }
}
