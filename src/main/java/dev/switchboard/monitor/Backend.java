package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Everything the window needs from the running monitor; the app wires the real one, tests a fake. */
public interface Backend {

    CallRegistry calls();

    CallActions actions();

    /** The local URL OpenAI's webhook (through a tunnel) must reach, e.g. http://127.0.0.1:8000/webhook. */
    String listenerUrl();

    long webhooksReceived();

    long webhooksRejected();

    /** Runs on any thread whenever the listener URL or the counters change. */
    void onStatusChanged(Runnable listener);

    /** True when running on the embedded simulator (no API key). */
    boolean isDemo();

    /** Labels of the simulator's scenarios (empty when not in demo mode). */
    List<String> demoScenarios();

    /** Rings a simulated call through the real webhook path; completes with the call id. */
    CompletableFuture<String> ringDemoCall(int scenarioIndex);

    /** When on, every ringing call is accepted at once with the given settings. */
    void setAutoAccept(boolean enabled, AcceptSettings settings);

    boolean autoAccept();

    /** The API key with all but its ends hidden, or "(not set)". Never the full key. */
    String maskedApiKey();
}
