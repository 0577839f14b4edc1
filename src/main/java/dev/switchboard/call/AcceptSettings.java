package dev.switchboard.call;

import java.util.ArrayList;
import java.util.List;

/**
 * What a call is accepted with: the session the agent starts in. Immutable; the UI edits copies.
 *
 * @param transcriptionModel the caller transcription model, or empty for no caller transcript
 * @param greeting           what the agent says first; empty means wait for the caller
 */
public record AcceptSettings(String instructions, String voice, String model, String greeting,
                             String transcriptionModel, TurnDetection turnDetection) {

    public static final List<String> VOICES =
            List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar");
    public static final List<String> MODELS =
            List.of("gpt-realtime", "gpt-realtime-mini", "gpt-realtime-2");
    public static final List<String> TRANSCRIPTION_MODELS =
            List.of("gpt-4o-mini-transcribe", "gpt-4o-transcribe", "gpt-4o-transcribe-diarize", "whisper-1");
    public static final int MAX_INSTRUCTIONS = 32_000;

    public static final String DEFAULT_INSTRUCTIONS =
            "You are a friendly, concise customer support agent for Switchboard. Greet the caller, find out what "
                    + "they need, and help them. Keep answers short: this is a phone call.";
    public static final String DEFAULT_GREETING = "Thank you for calling, how can I help?";

    public AcceptSettings {
        instructions = instructions == null ? "" : instructions;
        voice = voice == null ? "" : voice.trim();
        model = model == null ? "" : model.trim();
        greeting = greeting == null ? "" : greeting;
        transcriptionModel = transcriptionModel == null ? "" : transcriptionModel.trim();
        turnDetection = turnDetection == null ? TurnDetection.SEMANTIC_VAD : turnDetection;
    }

    /** The tutorial's setup: support agent, marin, gpt-realtime, a greeting, caller transcription on. */
    public static AcceptSettings defaults() {
        return new AcceptSettings(DEFAULT_INSTRUCTIONS, "marin", "gpt-realtime", DEFAULT_GREETING,
                "gpt-4o-mini-transcribe", TurnDetection.SEMANTIC_VAD);
    }

    /** Every reason these settings cannot be sent, in plain words; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (instructions.isBlank()) {
            problems.add("Instructions are empty.");
        } else if (instructions.length() > MAX_INSTRUCTIONS) {
            problems.add("Instructions are longer than " + MAX_INSTRUCTIONS + " characters.");
        }
        if (!VOICES.contains(voice)) {
            problems.add("Voice '" + voice + "' is not one of " + String.join(", ", VOICES) + ".");
        }
        if (!model.matches("gpt-realtime[a-z0-9.\\-]*")) {
            problems.add("Model '" + model + "' is not a realtime model (e.g. gpt-realtime).");
        }
        if (!transcriptionModel.isEmpty() && !TRANSCRIPTION_MODELS.contains(transcriptionModel)) {
            problems.add("Transcription model '" + transcriptionModel + "' is not one of "
                    + String.join(", ", TRANSCRIPTION_MODELS) + ".");
        }
        if (greeting.length() > 2_000) {
            problems.add("Greeting is longer than 2000 characters.");
        }
        return problems;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    public boolean transcribesCaller() {
        return !transcriptionModel.isEmpty();
    }

    public AcceptSettings withInstructions(String value) {
        return new AcceptSettings(value, voice, model, greeting, transcriptionModel, turnDetection);
    }

    public AcceptSettings withVoice(String value) {
        return new AcceptSettings(instructions, value, model, greeting, transcriptionModel, turnDetection);
    }

    public AcceptSettings withModel(String value) {
        return new AcceptSettings(instructions, voice, value, greeting, transcriptionModel, turnDetection);
    }

    public AcceptSettings withGreeting(String value) {
        return new AcceptSettings(instructions, voice, model, value, transcriptionModel, turnDetection);
    }

    public AcceptSettings withTranscriptionModel(String value) {
        return new AcceptSettings(instructions, voice, model, greeting, value, turnDetection);
    }

    public AcceptSettings withTurnDetection(TurnDetection value) {
        return new AcceptSettings(instructions, voice, model, greeting, transcriptionModel, value);
    }
}
