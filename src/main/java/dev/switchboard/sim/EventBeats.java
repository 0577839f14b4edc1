package dev.switchboard.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.sim.ScriptPlayer.Beat;
import dev.switchboard.sim.ServerEventFactory.FunctionCall;
import dev.switchboard.sim.Step.CallerSays;
import dev.switchboard.sim.Step.Transcription;
import java.util.ArrayList;
import java.util.List;

/** Beats that only send events, in the order the real server sends them: a caller transcription, a function call. */
final class EventBeats {

    private final ServerEventFactory events;
    private final ScriptPlayer.Stage stage;

    EventBeats(ServerEventFactory events, ScriptPlayer.Stage stage) {
        this.events = events;
        this.stage = stage;
    }

    List<Beat> transcription(String itemId, CallerSays says, String model, long speechMs) {
        List<Beat> out = new ArrayList<>();
        if (says.transcription() == Transcription.FAILS) {
            out.add(new Beat(300, () -> stage.send(events.transcriptionFailed(itemId)), null));
            return out;
        }
        // whisper-1 sends the whole text as one delta; the gpt-4o models stream it
        List<String> chunks = model.equals("whisper-1") ? List.of(says.text()) : Words.chunks(says.text());
        for (String chunk : chunks) {
            out.add(new Beat(ScriptPlayer.DELTA_MS / 2, () -> stage.send(events.transcriptionDelta(itemId, chunk)), null));
        }
        out.add(new Beat(ScriptPlayer.DELTA_MS / 2, () -> stage.send(
                events.transcriptionCompleted(itemId, says.text(), model, speechMs)), null));
        return out;
    }

    void functionCall(List<Beat> out, String responseId, String itemId, FunctionCall call) {
        out.add(new Beat(ScriptPlayer.DELTA_MS, () -> {
            ObjectNode item = ServerEventFactory.functionCallItem(itemId, call, "in_progress", "");
            stage.send(events.outputItem("response.output_item.added", responseId, 1, item));
            stage.send(events.itemEvent("conversation.item.added", events.lastItemId(), item));
            events.appended(itemId);
        }, responseId));
        String args = call.arguments();
        for (int from = 0; from < args.length(); from += 8) {
            String chunk = args.substring(from, Math.min(args.length(), from + 8));
            out.add(new Beat(ScriptPlayer.DELTA_MS / 2, () -> {
                ObjectNode delta = events.functionArguments("response.function_call_arguments.delta", responseId,
                        itemId, call.callId());
                delta.put("delta", chunk);
                stage.send(delta);
            }, responseId));
        }
        out.add(new Beat(ScriptPlayer.DELTA_MS / 2, () -> events.functionCallDone(responseId, itemId, call).forEach(stage::send),
                responseId));
    }

    /** A response that starts and then fails (status {@code failed} with the server's code and message). */
    void failedResponse(List<Beat> out, Step.AgentFails fails) {
        String responseId = Ids.response();
        out.add(new Beat(ScriptPlayer.MODEL_LATENCY_MS, () -> stage.send(events.responseStarted(responseId,
                events.assistantMessage(Ids.item())).get(0)), null));
        out.add(new Beat(ScriptPlayer.MODEL_LATENCY_MS, () -> stage.send(events.failedResponse(responseId, fails.code(),
                fails.message())), null));
    }

    /**
     * The agent's half-heard response of a barge-in: it streams, the caller starts talking at half of it, the server
     * cancels it (turn detected), clears playback and truncates the item where the caller stopped hearing.
     *
     * @param running   told the response id while it plays, null once it is cancelled
     * @param callerAudio the input audio clock when the caller starts talking
     * @return the item id of the caller's turn that follows
     */
    String interruptedResponse(List<Beat> out, Step.CallerBargesIn step, java.util.function.Consumer<String> running,
                               java.util.function.LongSupplier callerAudio, long msPerWord) {
        String responseId = Ids.response();
        String itemId = Ids.item();
        String callerItem = Ids.item();
        ObjectNode message = events.assistantMessage(itemId);
        List<String> chunks = Words.chunks(step.agentText());
        List<String> heard = chunks.subList(0, Math.max(1, chunks.size() / 2));
        long heardMs = Words.words(String.join("", heard)) * msPerWord;
        out.add(new Beat(ScriptPlayer.MODEL_LATENCY_MS, () -> {
            running.accept(responseId);
            events.responseStarted(responseId, message).forEach(stage::send);
        }, responseId));
        for (String chunk : chunks) {
            out.add(new Beat(ScriptPlayer.DELTA_MS, () -> {
                ObjectNode delta = events.contentEvent("response.output_audio_transcript.delta", responseId, itemId);
                delta.put("delta", chunk);
                stage.send(delta);
            }, responseId));
        }
        // the caller hears the first half, then talks over it; the server's VAD cuts the agent off
        out.add(new Beat(heardMs, () -> {
            stage.send(events.speech("input_audio_buffer.speech_started", "audio_start_ms", callerAudio.getAsLong(),
                    callerItem));
            ObjectNode done = events.responseDone(responseId, "cancelled",
                    List.of(ServerEventFactory.completedMessage(message, step.agentText())), step.agentText());
            ((ObjectNode) done.get("response").get("status_details")).put("reason", "turn_detected");
            running.accept(null);
            stage.send(done);
            stage.send(events.playback("output_audio_buffer.cleared", responseId));
            stage.send(events.truncated(itemId, heardMs));
        }, null));
        return callerItem;
    }
}
