package dev.switchboard.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallHealth;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SessionChange;
import dev.switchboard.config.PriceFile;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiApiException;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.openai.SessionJson;
import dev.switchboard.openai.SidebandSession;
import dev.switchboard.util.ElasticPool;
import dev.switchboard.util.Threads;
import dev.switchboard.webhook.IncomingCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the monitor: turns verified webhooks into {@link Call}s, carries out the actions on them
 * (REST client), runs one sideband session per answered call and applies its events to the call model.
 */
public final class CallMonitor implements CallActions, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallMonitor.class);
    /** Carriers give up on an unanswered INVITE after about a minute. */
    public static final Duration DEFAULT_RING_TIMEOUT = Duration.ofSeconds(60);
    /** How long the socket may stay open after we hung up, for the transcript events still in flight. */
    static final Duration HANGUP_GRACE = Duration.ofSeconds(5);
    static final Duration SESSION_CHECK_DELAY = CallHealth.SESSION_START_TIMEOUT.plusMillis(250);
    /**
     * How long an ended call stays in the live registry (and the window's list) before only history has it:
     * 2 minutes, or {@code -Dswitchboard.endedRetention=<seconds>}.
     */
    public static final Duration DEFAULT_ENDED_RETENTION =
            Duration.ofSeconds(Math.max(0, Long.getLong("switchboard.endedRetention", 120)));
    /** REST actions run here; a burst of calls queues for these threads instead of creating one each. */
    static final int IO_THREADS = 16;

    private final CallRegistry registry;
    private final CallsClient client;
    private final OkHttpClient http;
    private final String apiKey;
    private final Clock clock;
    private final RetryPolicy socketRetry;
    private final Duration ringTimeout;
    private final ExecutorService io;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SidebandSession> sessions = new ConcurrentHashMap<>();
    private final AtomicReference<AcceptSettings> autoAccept = new AtomicReference<>();
    private final CallLifetime lifetime;
    private final ToolDesk toolDesk;
    /** Decides whether this monitor owns a new call (team mode: one hub per call); everyone by default. */
    private volatile Predicate<String> ownership = callId -> true;

    public CallMonitor(CallRegistry registry, CallsClient client, OkHttpClient http, String apiKey, Clock clock,
                       RetryPolicy socketRetry, Duration ringTimeout) {
        this.registry = registry;
        this.client = client;
        this.http = http;
        this.apiKey = apiKey;
        this.clock = clock;
        this.socketRetry = socketRetry;
        this.ringTimeout = ringTimeout;
        this.io = ElasticPool.create("switchboard-io", IO_THREADS, Duration.ofSeconds(30));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.daemon("switchboard-timer"));
        // a cancelled ring deadline leaves the queue at once instead of holding its call until it would have fired
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.toolDesk = new ToolDesk(this::sendFrame, scheduler, io);
        this.lifetime = new CallLifetime(registry, scheduler, ringTimeout);
    }

    /** Which tool calls are answered without a person (headless answers them all). */
    public void setToolAutoReply(ToolAutoReply policy) {
        toolDesk.setPolicy(policy);
    }

    /** How long an ended call stays in the registry before it is removed (history keeps it). */
    public void setEndedRetention(Duration retention) {
        lifetime.setEndedRetention(retention);
    }

    public CallRegistry registry() {
        return registry;
    }

    /** When set, every new call is accepted at once with these settings; null turns it off. */
    public void setAutoAccept(AcceptSettings settings) {
        autoAccept.set(settings);
    }

    public AcceptSettings autoAcceptSettings() {
        return autoAccept.get();
    }

    /** Team mode: a call this predicate refuses (another hub owns it) is acknowledged and ignored. */
    public void setOwnership(Predicate<String> ownsCall) {
        this.ownership = Objects.requireNonNull(ownsCall, "ownsCall");
    }

    /**
     * Takes over a call another monitor accepted (its owner died): the call, rebuilt from what the owner
     * published, joins the registry and its sideband socket is reattached by call id. No accept, no greeting.
     */
    public boolean adopt(Call call) {
        if (!call.state().isLive() || !registry.add(call)) {
            return false;
        }
        lifetime.answered(call);
        AcceptSettings settings = call.settings().orElse(AcceptSettings.defaults());
        openSession(call, settings.withGreeting(""));
        return true;
    }

    /**
     * Takes over a call whose monitor died before the call was answered, rebuilt from what that monitor published.
     * Never a second accept after one is known to have gone through: when OpenAI had answered the first accept, the
     * call is taken as accepted (sideband reattached, no greeting). Otherwise it rings on here from when it first
     * rang and is accepted as a new call would be (a call caught accepting, with the first monitor's settings);
     * since the first accept may have gone out unpublished, OpenAI's 409 to this one means "accepted already".
     */
    public boolean adoptRinging(Call call, Instant ringingSince) {
        if (call.timeline().containsKey(Milestone.ACCEPT_ANSWERED)) {
            call.note("OpenAI had accepted the call for the hub that stopped: sideband reattached");
            return call.moveTo(CallState.ACTIVE, "") && adopt(call);
        }
        AcceptSettings firstAccept = null;
        if (call.state() == CallState.ACCEPTING) { // on its way, outcome unknown: sent again, 409 means it went through
            firstAccept = call.settings().orElse(null);
            call.moveTo(CallState.RINGING, "");
        }
        if (call.state() != CallState.RINGING || !registry.add(call)) {
            return false;
        }
        lifetime.ringingSince(call, ringingSince, clock.instant());
        AcceptSettings settings = firstAccept != null ? firstAccept : autoAccept.get();
        if (settings != null) {
            accept(call, settings, true, null);
        }
        return true;
    }

    /** The webhook sink: runs after the listener has answered 200. */
    public void onIncoming(IncomingCall incoming) {
        if (!ownership.test(incoming.callId())) {
            log.info("call {} is owned by another hub; webhook acknowledged and ignored", incoming.callId());
            return;
        }
        Call call = new Call(incoming.callId(), incoming.sipHeaders(), clock);
        if (incoming.deliveryLag() != null) {
            call.health().webhookLag(incoming.deliveryLag());
        }
        call.turns().usePrices(PriceFile.bundled()); // before the registry hears of it, so a --prices override wins
        AcceptSettings auto = autoAccept.get();
        // Auto-accept: the accept goes on the wire the moment the call is ours, before the registry's listeners
        // (history, views, printer, watchdogs) run on this thread; the call's states still follow in order.
        AtomicReference<CompletableFuture<Void>> wire = new AtomicReference<>();
        if (!registry.add(call, () -> wire.set(auto != null && auto.isValid() ? sendAccept(call, auto) : null))) {
            log.info("call {} already known; webhook ignored", incoming.callId());
            return;
        }
        lifetime.ringing(call);
        if (auto != null) {
            accept(call, auto, true, wire.get());
        }
        log.info("incoming call {} from {}", call.id(), call.caller().describe()); // after the accept is on its way
    }

    private static final String ACCEPT_FAILED = CallLifetime.ACCEPT_FAILED;

    /** Sends the accept now, on a REST thread; what it means for the call is applied by {@link #accept}. */
    private CompletableFuture<Void> sendAccept(Call call, AcceptSettings settings) {
        call.mark(Milestone.ACCEPT_SENT);
        return CompletableFuture.runAsync(() -> {
            try {
                client.accept(call.id(), settings, () -> call.state() == CallState.RINGING
                        || call.state() == CallState.ACCEPTING, lifetime.ringDeadline(call));
            } catch (OpenAiApiException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    /**
     * A person's accept: when OpenAI refuses it the call stays answerable (RINGING), with OpenAI's message as the
     * state's reason so the window can show it, and can be accepted again while it rings.
     */
    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        return accept(call, settings, false, null);
    }

    /**
     * @param unattended auto-accept: nobody would retry a refused accept, so the call fails at once with
     *                   OpenAI's message instead of ringing out as "missed"
     * @param sent       the accept request already on its way ({@link #sendAccept}), or null to send it now
     */
    private CompletableFuture<Void> accept(Call call, AcceptSettings settings, boolean unattended,
                                           CompletableFuture<Void> sent) {
        if (!settings.isValid()) {
            if (unattended) {
                call.moveTo(CallState.FAILED, ACCEPT_FAILED + "the auto-accept settings are invalid: "
                        + settings.problems().get(0));
            }
            return CallAction.failed(call, "Accept", settings.problems().get(0), false);
        }
        if (!call.moveTo(CallState.ACCEPTING, "")) {
            return CallAction.failed(call, "Accept", "The call is " + call.state().label().toLowerCase() + ", not ringing.", false);
        }
        call.useSettings(settings);
        call.reportAction("Accepting…");
        // an accept already sent is answered on the thread that got its answer: no thread waits for it
        Executor afterAnswer = sent == null ? io : task -> sent.whenComplete((ok, failure) -> task.run());
        return CallAction.start(call, "Accept", afterAnswer, () -> {
            try {
                if (sent == null) {
                    call.mark(Milestone.ACCEPT_SENT);
                    client.accept(call.id(), settings, () -> call.state() == CallState.ACCEPTING,
                            lifetime.ringDeadline(call));
                } else {
                    CallAction.awaitOutcome(sent);
                }
            } catch (OpenAiApiException e) {
                if (lifetime.takenOverRinging(call) && (e.status() == 409
                        || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("already accepted"))) {
                    return acceptedBefore(call, settings);
                }
                if (e.callIsGone()) {
                    call.moveTo(CallState.MISSED, "the caller hung up before the answer");
                } else {
                    call.moveTo(unattended ? CallState.FAILED : CallState.RINGING, ACCEPT_FAILED + e.getMessage());
                }
                throw e;
            }
            call.mark(Milestone.ACCEPT_ANSWERED);
            // a little past the timeout, so the check's clock is surely beyond it
            scheduler.schedule(call.health()::checkSessionStarted, SESSION_CHECK_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            call.moveTo(CallState.ACTIVE, "");
            openSession(call, settings);
            return "Accepted.";
        });
    }

    /** The first hub's accept had gone out before it died: this one reattaches the sideband, without a greeting. */
    private String acceptedBefore(Call call, AcceptSettings settings) {
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.note("OpenAI had the call accepted already (by the hub that stopped): sideband reattached, no second "
                + "greeting");
        call.moveTo(CallState.ACTIVE, "");
        openSession(call, settings.withGreeting(""));
        return "Accepted already by the hub before; sideband reattached.";
    }

    private void openSession(Call call, AcceptSettings settings) {
        SidebandSession session = new SidebandSession(http, client.endpoints(), call.id(), apiKey,
                new SessionEvents(call, clock, () -> sessions.remove(call.id())), socketRetry, scheduler, () -> call.state() == CallState.ACTIVE);
        sessions.put(call.id(), session);
        toolDesk.watch(call);
        if (!settings.greeting().isBlank()) {
            session.send(SessionJson.say(settings.greeting()));
        }
        session.connect();
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        if (!call.state().canAnswer()) {
            return CallAction.failed(call, "Reject", "The call is " + call.state().label().toLowerCase() + ", not ringing.", false);
        }
        return run(call, "Reject", () -> {
            try {
                client.reject(call.id(), sipStatus, () -> call.state() == CallState.RINGING,
                        lifetime.ringDeadline(call));
            } catch (OpenAiApiException e) {
                if (e.callIsGone()) {
                    call.moveTo(CallState.MISSED, "the caller hung up before the answer");
                }
                throw e;
            }
            call.moveTo(CallState.REJECTED, "rejected with SIP " + sipStatus);
            return "Rejected with " + sipStatus + ".";
        });
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        if (!call.state().isLive()) {
            return CallAction.failed(call, "Hang up", "The call is not live.", false);
        }
        return run(call, "Hang up", () -> {
            try {
                client.hangup(call.id());
            } catch (OpenAiApiException e) {
                if (!e.callIsGone()) {
                    throw e;
                }
            }
            call.moveTo(CallState.ENDED, "hung up from Switchboard");
            // the last transcript events may still be on their way: the server closes the socket when it is
            // done; ours closes only if it has not after a grace period
            scheduler.schedule(() -> closeSession(call), HANGUP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return "Hung up.";
        });
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        String problem = CallsClient.transferTargetProblem(targetUri);
        if (problem != null) {
            return CallAction.failed(call, "Transfer", problem, false);
        }
        if (!call.state().isLive()) {
            return CallAction.failed(call, "Transfer", "The call is not live.", false);
        }
        return run(call, "Transfer", () -> {
            client.refer(call.id(), targetUri.trim());
            call.note("transfer to " + targetUri.trim() + " requested");
            return "Transfer to " + targetUri.trim() + " requested; the call ends when the trunk takes it.";
        });
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        if (instructions == null || instructions.isBlank()) {
            return CallAction.failed(call, "Update instructions", "Instructions are empty.", false);
        }
        return sendEvent(call, "Update instructions", SessionJson.updateInstructions(instructions), () -> {
            call.settings().ifPresent(s -> call.useSettings(s.withInstructions(instructions)));
            call.note("instructions changed");
            return "Instructions sent.";
        });
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return CallAction.failed(call, "Say", "Type what the agent should say.", false);
        }
        return sendEvent(call, "Say", SessionJson.say(sentence.trim()), () -> {
            call.note("asked the agent to say: " + sentence.trim());
            return "Sent to the agent.";
        });
    }

    @Override
    public CompletableFuture<Void> stopTalking(Call call) {
        return sendEvents(call, "Stop talking", Steering.stopTalking(), () -> Steering.stopped(call));
    }

    @Override
    public CompletableFuture<Void> whisper(Call call, String text) {
        String problem = Steering.whisperProblem(text);
        return problem != null ? CallAction.failed(call, "Whisper", problem, false)
                : sendEvents(call, "Whisper", Steering.whisper(text), () -> Steering.whispered(call, text));
    }

    @Override
    public CompletableFuture<Void> updateSession(Call call, SessionChange change) {
        String problem = Steering.changeProblem(call, change);
        return problem != null ? CallAction.failed(call, "Update session", problem, false)
                : sendEvents(call, "Update session", Steering.update(change), () -> Steering.updated(call, change));
    }

    @Override
    public CompletableFuture<Void> respond(Call call, String instructions) {
        return sendEvents(call, "Respond", java.util.List.of(SessionJson.respond(instructions)), () -> "Asked to respond.");
    }

    @Override
    public CompletableFuture<Void> answerTool(Call call, String toolCallId, String output) {
        return toolDesk.answer(call, toolCallId, output, "by hand");
    }

    @Override
    public CompletableFuture<Void> answerToolWithError(Call call, String toolCallId, String message) {
        return toolDesk.answer(call, toolCallId, ToolAutoReply.errorOutput(message), "error reply by hand");
    }

    @Override
    public CompletableFuture<Void> decideApproval(Call call, String approvalRequestId, boolean approve) {
        return toolDesk.decide(call, approvalRequestId, approve, "by hand");
    }

    private boolean sendFrame(Call call, ObjectNode frame) {
        SidebandSession session = sessions.get(call.id());
        return session != null && call.state().isLive() && session.send(frame);
    }

    private CompletableFuture<Void> sendEvent(Call call, String action, ObjectNode event, CallAction after) {
        return sendEvents(call, action, java.util.List.of(event), after);
    }

    private CompletableFuture<Void> sendEvents(Call call, String action, java.util.List<ObjectNode> events, CallAction after) {
        SidebandSession session = sessions.get(call.id());
        if (session == null || !call.state().isLive()) {
            return CallAction.failed(call, action, "The call is not live.", false);
        }
        return run(call, action, () -> {
            for (ObjectNode event : events) {
                if (!session.send(event)) {
                    throw new ActionFailedException("The call's socket is closed.", false, null);
                }
            }
            return after.run();
        });
    }

    private void closeSession(Call call) {
        SidebandSession session = sessions.remove(call.id());
        if (session != null) {
            session.close();
        }
    }

    private CompletableFuture<Void> run(Call call, String name, CallAction action) {
        return CallAction.start(call, name, io, action);
    }

    @Override
    public void close() {
        sessions.values().forEach(SidebandSession::close);
        sessions.clear();
        scheduler.shutdownNow();
        io.shutdownNow();
    }
}
