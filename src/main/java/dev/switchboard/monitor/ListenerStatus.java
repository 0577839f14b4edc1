package dev.switchboard.monitor;

/** What the status bar shows: where the listener is, what it counted, and in which mode the monitor runs. */
public interface ListenerStatus {

    /** The local URL OpenAI's webhook (through a tunnel) must reach, e.g. http://127.0.0.1:8000/webhook. */
    String listenerUrl();

    long webhooksReceived();

    long webhooksRejected();

    /** Runs on any thread whenever the listener URL, the mode or the counters change. */
    void onStatusChanged(Runnable listener);

    /** True when running on the embedded simulator (no API key). */
    boolean isDemo();

    /** The API key with all but its ends hidden, or "(not set)". Never the full key. */
    String maskedApiKey();
}
