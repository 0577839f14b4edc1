package dev.switchboard.ui;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.monitor.ActionFailedException;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.monitor.ConnectionInfo;
import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.monitor.AutoAnswer;
import dev.switchboard.monitor.ConnectionControl;
import dev.switchboard.monitor.DemoCalls;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.monitor.ListenerStatus;
import dev.switchboard.monitor.ProfileService;
import dev.switchboard.monitor.StoredHistory;
import dev.switchboard.util.Threads;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend without network: actions manipulate {@link Call}s directly on a background "I/O" thread, the
 * way the real monitor does, and record what they were given so tests can assert on it.
 */
public final class FakeBackend implements CallActions, ListenerStatus, DemoCalls, AutoAnswer, ConnectionControl {

    public static final String FULL_API_KEY = "sk-proj-Zq8TfakeKeyNeverShownAnywhere0123456789WXYZ";
    public static final String MASKED_API_KEY = "sk-proj-…WXYZ";
    public static final String MASKED_SECRET = "whsec_…Q0E=";
    public static final String LISTENER_URL = "http://127.0.0.1:8000/webhook";

    public record Caller(String displayName, String number) {
    }

    public static final List<Caller> SCENARIO_CALLERS = List.of(
            new Caller("Dana Whitfield", "+15551230001"),
            new Caller("Marcus Oyelaran", "+15551230002"),
            new Caller("Priya Raman", "+15551230003"));

    public record Refer(Call call, String target) {
    }

    public record Instructions(Call call, String instructions) {
    }

    public final List<AcceptSettings> accepted = new CopyOnWriteArrayList<>();
    public final List<Integer> rejectStatuses = new CopyOnWriteArrayList<>();
    public final List<Call> hungUp = new CopyOnWriteArrayList<>();
    public final List<Refer> referred = new CopyOnWriteArrayList<>();
    public final List<Instructions> instructionUpdates = new CopyOnWriteArrayList<>();
    public final List<String> said = new CopyOnWriteArrayList<>();
    /** When set, the next accept fails with this message (and the call rings again). */
    public final AtomicReference<String> failNextAccept = new AtomicReference<>();
    public volatile boolean streamAfterAccept = true;
    /** Called between turns of {@link #streamConversation}; a test with a {@link TestClock} advances it here. */
    public volatile java.util.function.Consumer<java.time.Duration> pause = d -> { };

    private final CallRegistry registry = new CallRegistry();
    private final ExecutorService io;
    private final Clock clock;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Runnable> statusListeners = new CopyOnWriteArrayList<>();
    private volatile boolean autoAccept;
    private volatile AcceptSettings autoAcceptSettings;

    /** Actions run on a background thread, like the real backend. */
    public FakeBackend() {
        this(Clock.systemUTC(), true);
    }

    /** @param background false runs actions on the calling thread (for toolkit-free tests) */
    public FakeBackend(Clock clock, boolean background) {
        this.clock = clock;
        this.io = background ? Executors.newSingleThreadExecutor(Threads.daemon("fake-backend-io")) : null;
    }

    // ---- simulated traffic ----

    public Call ring() {
        return ring(SCENARIO_CALLERS.get(0));
    }

    public Call ring(Caller caller) {
        String id = "rtc_" + String.format("%032x", ids.incrementAndGet() * 0x9E3779B97F4A7C15L).substring(0, 24);
        Call call = new Call(id, List.of(
                new SipHeader("From", "\"" + caller.displayName() + "\" <sip:" + caller.number() + "@pstn.twilio.com>;tag=1"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>"),
                new SipHeader("Call-ID", id.substring(4) + "@pstn.twilio.com"),
                new SipHeader("User-Agent", "Twilio Gateway"),
                new SipHeader("X-Twilio-AccountSid", "AC0123456789abcdef")), clock);
        call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.IN, "realtime.call.incoming",
                "{\"object\":\"event\",\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"" + id + "\"}}"));
        received.incrementAndGet();
        registry.add(call);
        statusListeners.forEach(Runnable::run);
        if (autoAccept) {
            accept(call, autoAcceptSettings);
        }
        return call;
    }

    public void rejectWebhook() {
        rejected.incrementAndGet();
        statusListeners.forEach(Runnable::run);
    }

    /** A short exchange: agent greeting, caller question (with VAD), agent answer left streaming. */
    public void streamConversation(Call call, String greeting) {
        String agent1 = "agent-" + call.id() + "-1";
        call.itemAdded(agent1, Speaker.AGENT, null);
        for (String word : words(greeting)) {
            call.appendDelta(agent1, Speaker.AGENT, word);
        }
        call.completeUtterance(agent1, Speaker.AGENT, greeting);
        call.mark(Milestone.FIRST_AGENT_WORD);
        call.addUsage(new TokenUsage("resp_greeting", 412, 38, 450));
        event(call, "response.done", "{\"type\":\"response.done\",\"response\":{\"id\":\"resp_greeting\",\"status\":\"completed\","
                + "\"usage\":{\"total_tokens\":450,\"input_tokens\":412,\"output_tokens\":38}}}");

        pause.accept(java.time.Duration.ofSeconds(3));
        String caller1 = "caller-" + call.id() + "-1";
        call.speaking(Speaker.CALLER, true);
        event(call, "input_audio_buffer.speech_started", "{\"type\":\"input_audio_buffer.speech_started\",\"audio_start_ms\":5120}");
        call.itemAdded(caller1, Speaker.CALLER, agent1);
        call.speaking(Speaker.CALLER, false);
        String question = "Hi, I ordered a standing desk last week and it still hasn't shipped. Can you check order 4471?";
        for (String word : words(question)) {
            call.appendDelta(caller1, Speaker.CALLER, word);
        }
        pause.accept(java.time.Duration.ofSeconds(6));
        call.completeUtterance(caller1, Speaker.CALLER, question);
        event(call, "conversation.item.input_audio_transcription.completed",
                "{\"type\":\"conversation.item.input_audio_transcription.completed\",\"item_id\":\"" + caller1
                        + "\",\"transcript\":\"" + question + "\"}");
        pause.accept(java.time.Duration.ofSeconds(2));
        call.dtmf("4");
        pause.accept(java.time.Duration.ofSeconds(1));

        String agent2 = "agent-" + call.id() + "-2";
        call.speaking(Speaker.AGENT, true);
        call.itemAdded(agent2, Speaker.AGENT, caller1);
        for (String word : words("Of course. Let me look up order 4471 for you — one moment while I")) {
            call.appendDelta(agent2, Speaker.AGENT, word);
        }
        call.addUsage(new TokenUsage("resp_lookup", 655, 61, 716));
    }

    private static List<String> words(String sentence) {
        return List.of(sentence.split("(?<= )"));
    }

    private void event(Call call, String type, String json) {
        call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.IN, type, json));
    }

    private CompletableFuture<Void> onIo(Runnable work) {
        if (io == null) {
            try {
                work.run();
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.runAsync(work, io);
    }

    public void shutdown() {
        if (io != null) {
            io.shutdownNow();
        }
    }

    // ---- CallActions ----

    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        CompletableFuture<Void> accepting = onIo(() -> {
            accepted.add(settings);
            call.useSettings(settings);
            call.moveTo(CallState.ACCEPTING, "");
            call.mark(Milestone.ACCEPT_SENT);
            String failure = failNextAccept.getAndSet(null);
            if (failure != null) {
                call.moveTo(CallState.RINGING, "accept failed");
                call.reportAction(failure);
                throw new ActionFailedException(failure, false, null);
            }
            call.mark(Milestone.ACCEPT_ANSWERED);
            call.moveTo(CallState.ACTIVE, "");
            call.mark(Milestone.SOCKET_OPEN);
            event(call, "session.created", "{\"type\":\"session.created\",\"session\":{\"type\":\"realtime\",\"model\":\""
                    + settings.model() + "\",\"audio\":{\"output\":{\"voice\":\"" + settings.voice() + "\"}}}}");
        });
        if (streamAfterAccept) {
            accepting.thenRun(() -> onIo(() -> streamConversation(call, settings.greeting().isBlank()
                    ? "Hello, this is Switchboard support." : settings.greeting())));
        }
        return accepting;
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        return onIo(() -> {
            rejectStatuses.add(sipStatus);
            call.moveTo(CallState.REJECTED, "SIP " + sipStatus);
        });
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        return onIo(() -> {
            hungUp.add(call);
            call.moveTo(CallState.ENDED, "hung up by you");
        });
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        return onIo(() -> {
            if (!targetUri.startsWith("tel:") && !targetUri.startsWith("sip:")) {
                throw new ActionFailedException("'" + targetUri + "' is not a tel: or sip: URI.", false, null);
            }
            referred.add(new Refer(call, targetUri));
            call.moveTo(CallState.ENDED, "transferred to " + targetUri);
        });
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        return onIo(() -> {
            instructionUpdates.add(new Instructions(call, instructions));
            call.note("instructions changed");
        });
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        return onIo(() -> {
            said.add(sentence);
            String item = "say-" + said.size();
            call.itemAdded(item, Speaker.AGENT, null);
            call.completeUtterance(item, Speaker.AGENT, sentence);
        });
    }

    // ---- Backend ----

    /** The ports a window runs on; with {@link #history} set, history and profiles on that store. */
    public Backend backend() {
        dev.switchboard.store.HistoryStore store = history;
        java.util.Optional<StoredHistory> stored = java.util.Optional.ofNullable(store)
                .map(s -> new StoredHistory(s, () -> List.of(FULL_API_KEY)));
        return new Backend(registry, this, this, this, this, this, stored.map(h -> (HistoryService) h),
                stored.map(h -> (ProfileService) h));
    }

    public CallRegistry calls() {
        return registry;
    }

    // ---- history and profiles ----

    /** Set by tests that need a history; empty otherwise, like a backend without a store. */
    public volatile dev.switchboard.store.HistoryStore history;
    /** Profile versions accepted through {@link #acceptWithProfile}, in order. */
    public final List<dev.switchboard.history.ProfileVersion> acceptedProfiles = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> acceptWithProfile(Call call, dev.switchboard.history.ProfileVersion profile) {
        acceptedProfiles.add(profile);
        return accept(call, profile.settings());
    }

    @Override
    public String listenerUrl() {
        return LISTENER_URL;
    }

    @Override
    public long webhooksReceived() {
        return received.get();
    }

    @Override
    public long webhooksRejected() {
        return rejected.get();
    }

    @Override
    public void onStatusChanged(Runnable listener) {
        statusListeners.add(listener);
    }

    @Override
    public boolean isDemo() {
        return true;
    }

    @Override
    public List<String> demoScenarios() {
        return List.of("Order status (Dana)", "Billing dispute (Marcus)", "Keypad menu (Priya)");
    }

    @Override
    public CompletableFuture<String> ringDemoCall(int scenarioIndex) {
        CompletableFuture<String> id = new CompletableFuture<>();
        onIo(() -> id.complete(ring(SCENARIO_CALLERS.get(scenarioIndex % SCENARIO_CALLERS.size())).id()));
        return id;
    }

    @Override
    public void setAutoAccept(boolean enabled, AcceptSettings settings) {
        autoAccept = enabled;
        autoAcceptSettings = settings;
    }

    @Override
    public boolean autoAccept() {
        return autoAccept;
    }

    @Override
    public String maskedApiKey() {
        return MASKED_API_KEY;
    }

    /** What Save handed over, in order. */
    public final List<ConnectionSettings> applied = new CopyOnWriteArrayList<>();
    /** When set, the next applySettings fails with this message. */
    public final AtomicReference<String> failNextApply = new AtomicReference<>();
    public volatile String testAnswer = "OK: the key works.";
    public final List<String> testedKeys = new CopyOnWriteArrayList<>();

    @Override
    public ConnectionInfo connectionInfo() {
        // the saved key exists only masked here, as in the real runtime
        return new ConnectionInfo(MASKED_API_KEY, MASKED_SECRET, 8000, "127.0.0.1", "https://api.openai.com/v1",
                java.util.Set.of(ConnectionInfo.PORT), "/home/me/.local/share/switchboard/settings.properties");
    }

    @Override
    public CompletableFuture<Void> applySettings(ConnectionSettings settings) {
        return onIo(() -> {
            String failure = failNextApply.getAndSet(null);
            if (failure != null) {
                throw new ActionFailedException(failure, false, null);
            }
            applied.add(settings);
        });
    }

    @Override
    public CompletableFuture<String> testConnection(String apiKey, String baseUrl) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        onIo(() -> {
            testedKeys.add(apiKey == null ? "(saved)" : apiKey);
            answer.complete(testAnswer);
        });
        return answer;
    }

    /** For assertions about times. */
    public Instant now() {
        return clock.instant();
    }
}
