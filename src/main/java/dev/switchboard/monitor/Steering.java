package dev.switchboard.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.SessionChange;
import dev.switchboard.openai.SessionJson;
import java.util.List;

/** The client events and transcript notes of the steering actions that must not break the call's audio. */
final class Steering {

    static final int MAX_WHISPER = 4_000;

    private Steering() {
    }

    /** Cancel what is being generated and drop what the caller would still hear. */
    static List<ObjectNode> stopTalking() {
        return List.of(SessionJson.cancelResponse(), SessionJson.clearOutputAudio());
    }

    static String stopped(Call call) {
        call.note("asked the agent to stop talking");
        return "The agent was stopped.";
    }

    static String whisperProblem(String text) {
        if (text == null || text.isBlank()) {
            return "Type what the agent should know.";
        }
        return text.length() > MAX_WHISPER ? "A whisper is at most " + MAX_WHISPER + " characters." : null;
    }

    /** A system message only: no {@code response.create}, so the agent uses it on its next turn. */
    static List<ObjectNode> whisper(String text) {
        return List.of(SessionJson.systemNote(text.trim()));
    }

    static String whispered(Call call, String text) {
        call.note("whispered to the agent: " + text.trim());
        return "Whispered; the agent uses it on its next turn.";
    }

    static String changeProblem(Call call, SessionChange change) {
        if (change == null || change.isEmpty()) {
            return "Nothing changed.";
        }
        if (change.voice().isPresent() && call.turns().agentAudioSent()) {
            return "The voice cannot change after the agent's first audio response.";
        }
        return null;
    }

    static List<ObjectNode> update(SessionChange change) {
        return List.of(SessionJson.sessionUpdate(change));
    }

    static String updated(Call call, SessionChange change) {
        call.settings().ifPresent(s -> call.useSettings(change.applyTo(s)));
        call.note("session updated: " + change.describe());
        return "Sent: " + change.describe() + ".";
    }
}
