package dev.switchboard.sim;

import static dev.switchboard.sim.Words.chunks;
import static dev.switchboard.sim.Words.words;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.ServerEventFactory.FunctionCall;
import dev.switchboard.sim.Step.AgentAsksApproval;
import dev.switchboard.sim.Step.AgentCallsTools;
import dev.switchboard.sim.Step.AgentFails;
import dev.switchboard.sim.Step.AgentSlow;
import dev.switchboard.sim.Step.CallerBargesIn;
import dev.switchboard.sim.Step.AgentSays;
import dev.switchboard.sim.Step.CallerHangsUp;
import dev.switchboard.sim.Step.CallerPresses;
import dev.switchboard.sim.Step.CallerSays;
import dev.switchboard.sim.Step.Transcription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When each part of a call's conversation plays: turns the scenario's steps (and responses the client asked for)
 * into timed {@link Beat}s and plays them one at a time at the simulator's speed.
 *
 * <p>Confined to the simulator's scheduler thread, so it needs no locks. The script advances one {@link Beat} at a
 * time and pauses while no socket listens, so a reconnecting client picks up where it left off instead of being
 * replayed to.
 */
final class ScriptPlayer {

    /** Where beats go: the call's live socket. */
    interface Stage {
        /** A socket is open and the call goes on. */
        boolean live();

        void send(ObjectNode event);

        void hangUp(String reason);
    }

    // Human pacing at speed 1, in milliseconds.
    private static final long GREETING_WAIT_MS = 2_000;
    /** At speed 0 there is no pacing, but waiting for the client's greeting is a timeout, not pacing. */
    private static final long GREETING_WAIT_INSTANT_MS = 200;
    static final long DELTA_MS = 60;
    static final long MODEL_LATENCY_MS = 500;
    private static final long TURN_GAP_MS = 900;
    private static final long MS_PER_SPOKEN_WORD = 280;
    static final long TOOL_RUN_MS = 800;
    /** How long the model waits for the client's tool outputs (or approval) before it apologises. */
    private static final long TOOL_WAIT_MS = 15_000;
    private static final long TOOL_WAIT_INSTANT_MS = 3_000;
    static final String TOOL_APOLOGY = "I'm sorry, that is taking too long. Can I help you with anything else?";

    /** One server-side moment: after {@code delayMs}, run {@code action}. {@code responseId} marks response parts. */
    record Beat(long delayMs, Runnable action, String responseId) {
    }

    private final SimOptions options;
    private final ScheduledExecutorService scheduler;
    private final ServerEventFactory events;
    private final EventBeats eventBeats;
    private final Stage stage;

    private final Deque<Step> script;
    private final Deque<Step> requested = new ArrayDeque<>();
    private final Deque<Beat> beats = new ArrayDeque<>();
    private Beat scheduledBeat;
    private boolean scriptStarted;
    private Future<?> greetingTimer;
    private boolean stopped;

    private long callerAudioMs;
    private List<Beat> lateTranscription;
    private String runningResponseId;
    private final StringBuilder runningTranscript = new StringBuilder();
    private boolean assistantAudioSent;
    /** While the model waits for tool outputs: the awaited call ids and what arrived; or an approval id. */
    private Set<String> awaitedCalls;
    private final Map<String, String> toolOutputs = new LinkedHashMap<>();
    private AgentCallsTools awaitedStep;
    private AgentAsksApproval awaitedApproval;
    private String approvalRequestId;
    private Future<?> toolTimer;

    ScriptPlayer(List<Step> script, SimOptions options, ScheduledExecutorService scheduler,
                 ServerEventFactory events, Stage stage) {
        this.script = new ArrayDeque<>(script);
        this.options = options;
        this.scheduler = scheduler;
        this.events = events;
        this.stage = stage;
        this.eventBeats = new EventBeats(events, stage);
    }

    boolean scriptStarted() {
        return scriptStarted;
    }

    /** A response is streaming or asked for and not yet started. */
    boolean responseActive() {
        return runningResponseId != null || !requested.isEmpty();
    }

    boolean assistantAudioSent() {
        return assistantAudioSent;
    }

    /** A socket opened: start the greeting timeout on the first one, resume the script on every one. */
    void connected() {
        if (!scriptStarted && greetingTimer == null) {
            long wait = options.speed() == 0 ? GREETING_WAIT_INSTANT_MS : options.scale(GREETING_WAIT_MS);
            greetingTimer = scheduler.schedule(Simulator.safely(this::startScript), wait, TimeUnit.MILLISECONDS);
        }
        pump();
    }

    /** The client asked for a response saying {@code text}; the script follows the first one (the greeting). */
    void requestResponse(String text) {
        requested.add(new AgentSays(text));
        startScript();
    }

    /** Cancels the running response: its remaining beats are dropped. Returns what it had spoken so far. */
    String cancelResponse() {
        String cancelled = runningResponseId;
        beats.removeIf(beat -> cancelled.equals(beat.responseId()));
        if (scheduledBeat != null && cancelled.equals(scheduledBeat.responseId())) {
            scheduledBeat = null; // its timer will find itself superseded
        }
        runningResponseId = null;
        pump(); // only arms the next beat's timer: the caller's response.done still goes out first
        return runningTranscript.toString();
    }

    String runningResponseId() {
        return runningResponseId;
    }

    /** The call is over: nothing more plays. */
    void stop() {
        stopped = true;
        if (greetingTimer != null) {
            greetingTimer.cancel(false);
        }
        scheduledBeat = null;
        beats.clear();
        script.clear();
        requested.clear();
        stopWaiting();
    }

    // ---- waiting for the client's tool outputs and approvals ---------------------------------------------------

    private boolean waitingForClient() { return awaitedCalls != null || approvalRequestId != null; }

    /** A {@code function_call_output} arrived. */
    void toolOutput(String callId, String output) {
        if (awaitedCalls != null && awaitedCalls.contains(callId)) {
            toolOutputs.put(callId, output);
        }
    }

    /**
     * The client asked for a response while the model waits for tool outputs: once every output is in, the answer
     * plays; before, the model keeps waiting (it answers once it has them all). False when nothing waits.
     */
    boolean toolResponseRequested() {
        if (awaitedCalls == null) {
            return false;
        }
        if (toolOutputs.keySet().containsAll(awaitedCalls)) {
            AgentCallsTools step = awaitedStep;
            boolean failed = toolOutputs.values().stream().anyMatch(o -> o.contains("\"error\""));
            stopWaiting();
            requested.add(new AgentSays(failed ? step.errorAnswer() : step.answer()));
            pump();
        }
        return true;
    }

    /** An {@code mcp_approval_response} arrived: run the MCP call and answer, or say it was not allowed. */
    void approval(String requestId, boolean approve) {
        if (approvalRequestId == null || !approvalRequestId.equals(requestId)) {
            return;
        }
        AgentAsksApproval step = awaitedApproval;
        stopWaiting();
        if (approve) {
            beats.addAll(McpEvents.callBeats(events, stage, step, requestId));
        }
        requested.add(new AgentSays(approve ? step.approvedAnswer() : step.deniedAnswer()));
        pump();
    }

    private void awaitClient() {
        long wait = options.speed() == 0 ? TOOL_WAIT_INSTANT_MS : options.scale(TOOL_WAIT_MS);
        toolTimer = scheduler.schedule(Simulator.safely(() -> {
            if (waitingForClient()) {
                stopWaiting();
                requested.add(new AgentSays(TOOL_APOLOGY));
                pump();
            }
        }), wait, TimeUnit.MILLISECONDS);
    }

    private void stopWaiting() {
        awaitedCalls = null;
        awaitedStep = null;
        awaitedApproval = null;
        approvalRequestId = null;
        toolOutputs.clear();
        if (toolTimer != null) {
            toolTimer.cancel(false);
            toolTimer = null;
        }
    }

    private void startScript() {
        if (greetingTimer != null) {
            greetingTimer.cancel(false);
        }
        scriptStarted = true;
        pump();
    }

    /** Schedules the next beat unless one is already scheduled, the call is over or no socket listens. */
    private void pump() {
        if (stopped || !stage.live() || scheduledBeat != null || waitingForClient() && beats.isEmpty()) {
            return;
        }
        while (beats.isEmpty()) {
            Step next = !requested.isEmpty() ? requested.poll() : scriptStarted ? script.poll() : null;
            if (next == null) {
                return;
            }
            beats.addAll(expand(next));
        }
        Beat beat = beats.peekFirst();
        scheduledBeat = beat;
        Runnable run = Simulator.safely(() -> runBeat(beat));
        long delay = options.scale(beat.delayMs());
        if (delay == 0) {
            scheduler.execute(run);
        } else {
            scheduler.schedule(run, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void runBeat(Beat beat) {
        if (scheduledBeat != beat) {
            return; // cancelled meanwhile
        }
        scheduledBeat = null;
        if (stopped || !stage.live()) {
            return; // paused: the beat stays first in line for the next connection
        }
        if (beats.peekFirst() == beat) {
            beats.pollFirst();
            beat.action().run();
        }
        pump();
    }

    // ---- steps into beats ------------------------------------------------------------------------------------

    private List<Beat> expand(Step step) {
        List<Beat> out = new ArrayList<>();
        boolean agentTurn = step instanceof AgentSays || step instanceof AgentCallsTools
                || step instanceof AgentAsksApproval || step instanceof AgentSlow || step instanceof AgentFails
                || step instanceof CallerBargesIn;
        if (!agentTurn && lateTranscription != null) {
            out.addAll(lateTranscription); // nobody answered in between: deliver it now
            lateTranscription = null;
        }
        if (step instanceof CallerSays says) {
            callerTurn(out, says);
        } else if (step instanceof AgentSays says) {
            response(out, says.text(), List.of());
        } else if (step instanceof AgentCallsTools calls) {
            toolCalls(out, calls);
        } else if (step instanceof AgentAsksApproval asks) {
            askApproval(out, asks);
        } else if (step instanceof AgentSlow slow) {
            out.add(new Beat(slow.extraMs(), () -> { }, null)); // the model thinks longer before it answers
            response(out, slow.text(), List.of());
        } else if (step instanceof AgentFails fails) {
            eventBeats.failedResponse(out, fails);
        } else if (step instanceof CallerBargesIn bargeIn) {
            bargeIn(out, bargeIn);
        } else if (step instanceof CallerPresses presses) {
            out.add(new Beat(TURN_GAP_MS, () -> stage.send(events.dtmf(presses.key())), null));
        } else if (step instanceof CallerHangsUp) {
            out.add(new Beat(TURN_GAP_MS, () -> stage.hangUp("caller hung up"), null));
        }
        return out;
    }

    private void callerTurn(List<Beat> out, CallerSays says) {
        callerTurn(out, says, null);
    }

    /** @param startedItem the caller's item when their speech already started (a barge-in), else null */
    private void callerTurn(List<Beat> out, CallerSays says, String startedItem) {
        String itemId = startedItem != null ? startedItem : Ids.item();
        long speechMs = words(says.text()) * MS_PER_SPOKEN_WORD + 200;
        long start = callerAudioMs + TURN_GAP_MS;
        callerAudioMs = start + speechMs + 500; // the VAD's silence window
        long end = start + speechMs;
        if (startedItem == null) {
            out.add(new Beat(TURN_GAP_MS, () -> stage.send(
                    events.speech("input_audio_buffer.speech_started", "audio_start_ms", start, itemId)), null));
        }
        out.add(new Beat(speechMs, () -> stage.send(
                events.speech("input_audio_buffer.speech_stopped", "audio_end_ms", end, itemId)), null));
        out.add(new Beat(300, () -> {
            events.committedUserTurn(itemId).forEach(stage::send);
            events.countInputAudio(speechMs);
        }, null));
        // Whether the caller is transcribed is decided by the session as it is now, like the real service.
        String model = events.transcriptionModel();
        if (model.isEmpty()) {
            return;
        }
        List<Beat> transcription = eventBeats.transcription(itemId, says, model, speechMs);
        if (says.transcription() == Transcription.LATE) {
            lateTranscription = transcription;
        } else {
            out.addAll(transcription);
        }
    }


    private void toolCalls(List<Beat> out, AgentCallsTools step) {
        // waiting starts with the response: a fast client may answer before the preamble's audio has played
        out.add(new Beat(0, () -> {
            awaitedCalls = new LinkedHashSet<>();
            step.calls().forEach(c -> awaitedCalls.add(c.callId()));
            awaitedStep = step;
            awaitClient();
        }, null));
        response(out, step.preamble(), step.calls());
    }

    private void askApproval(List<Beat> out, AgentAsksApproval step) {
        String listId = Ids.item();
        out.add(new Beat(MODEL_LATENCY_MS, () -> McpEvents.listTools(events, listId, step.serverLabel(),
                List.of(step.tool(), "order_status")).forEach(stage::send), null));
        response(out, step.preamble(), List.of());
        String requestId = Ids.item();
        out.add(new Beat(DELTA_MS, () -> {
            McpEvents.approvalRequest(events, requestId, step).forEach(stage::send);
            approvalRequestId = requestId;
            awaitedApproval = step;
            awaitClient();
        }, null));
    }

    /** One agent response speaking {@code text} (and optionally calling a function), as the real event stream. */
    private void response(List<Beat> out, String text, List<FunctionCall> functionCalls) {
        String responseId = Ids.response();
        String itemId = Ids.item();
        List<String> chunks = chunks(text);
        ObjectNode message = events.assistantMessage(itemId);
        List<String> functionItemIds = functionCalls.stream().map(c -> Ids.item()).toList();
        // the input audio clock runs while the agent talks
        callerAudioMs += MODEL_LATENCY_MS + words(text) * MS_PER_SPOKEN_WORD;

        out.add(new Beat(MODEL_LATENCY_MS, () -> {
            runningResponseId = responseId;
            runningTranscript.setLength(0);
            events.responseStarted(responseId, message).forEach(stage::send);
            assistantAudioSent = true;
        }, responseId));
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            out.add(new Beat(DELTA_MS, () -> {
                ObjectNode delta = events.contentEvent("response.output_audio_transcript.delta", responseId, itemId);
                delta.put("delta", chunk);
                runningTranscript.append(chunk);
                stage.send(delta);
            }, responseId));
            if (i == Math.min(1, chunks.size() - 1) && lateTranscription != null) {
                // The caller's words are transcribed while the agent already answers: clients place text by item_id.
                out.addAll(lateTranscription);
                lateTranscription = null;
            }
        }
        out.add(new Beat(DELTA_MS, () -> {
            stage.send(events.contentEvent("response.output_audio.done", responseId, itemId));
            ObjectNode transcriptDone = events.contentEvent("response.output_audio_transcript.done", responseId,
                    itemId);
            transcriptDone.put("transcript", text);
            stage.send(transcriptDone);
            ObjectNode partDone = events.contentEvent("response.content_part.done", responseId, itemId);
            partDone.putObject("part").put("type", "audio").put("transcript", text);
            stage.send(partDone);
            ObjectNode finished = ServerEventFactory.completedMessage(message, text);
            stage.send(events.outputItem("response.output_item.done", responseId, 0, finished));
            stage.send(events.itemEvent("conversation.item.done", null, finished));
        }, responseId));
        for (int i = 0; i < functionCalls.size(); i++) {
            eventBeats.functionCall(out, responseId, functionItemIds.get(i), functionCalls.get(i));
        }
        out.add(new Beat(0, () -> {
            List<ObjectNode> output = new ArrayList<>();
            output.add(ServerEventFactory.completedMessage(message, text));
            StringBuilder produced = new StringBuilder(text);
            for (int i = 0; i < functionCalls.size(); i++) {
                FunctionCall call = functionCalls.get(i);
                output.add(ServerEventFactory.functionCallItem(functionItemIds.get(i), call, "completed",
                        call.arguments()));
                produced.append(call.arguments());
            }
            ObjectNode done = events.responseDone(responseId, "completed", output, produced.toString());
            runningResponseId = null;
            stage.send(done);
            stage.send(events.rateLimits(text));
        }, responseId));
        // The caller hears the audio after the text has streamed; the next turn waits for playback to finish.
        out.add(new Beat(words(text) * MS_PER_SPOKEN_WORD, () -> stage.send(
                events.playback("output_audio_buffer.stopped", responseId)), null));
    }

    /** The agent is cut off halfway: cancelled, playback cleared, its item truncated; then the caller's turn. */
    private void bargeIn(List<Beat> out, CallerBargesIn step) {
        String callerItem = eventBeats.interruptedResponse(out, step, responseId -> {
            runningResponseId = responseId;
            if (responseId != null) {
                assistantAudioSent = true;
            }
        }, () -> callerAudioMs, MS_PER_SPOKEN_WORD);
        callerTurn(out, new CallerSays(step.callerText(), Transcription.ON_TIME), callerItem);
    }

}
