package dev.switchboard.webhook;

import java.time.Instant;

/**
 * Where a verified incoming call is made durable before the listener answers 200. OpenAI never redelivers an
 * acknowledged webhook, so a call we acknowledged and then lost in a crash is gone for good; the listener therefore
 * calls {@link #record} synchronously, on the request thread, and answers 200 only once it returned.
 *
 * <p>A port: {@code webhook} knows nothing of the store; whoever wires the app passes an implementation.
 */
@FunctionalInterface
public interface IncomingCallJournal {

    /** Keeps nothing: for tests and tools that do not need crash safety. */
    IncomingCallJournal NONE = (call, receivedAt) -> { };

    /**
     * Makes the call durable (committed) or throws. Must be quick (one small transaction) and idempotent: a
     * webhook redelivered after a failed answer records the same call again.
     *
     * @param receivedAt wall-clock time the request arrived
     * @throws Exception when the call could not be made durable; the listener then answers 503 so the sender
     *                   may try again, and does not hand the call on
     */
    void record(IncomingCall call, Instant receivedAt) throws Exception;

    /**
     * Does what {@link #record} does and undoes it before it is committed: the start-up warm-up's way to have the
     * path compiled and the store's pages cached without keeping anything. Nothing by default.
     */
    default void rehearse(IncomingCall call, Instant receivedAt) throws Exception {
    }
}
