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
                             String transcriptionModel, TurnDetection turnDetection, SessionConfig session,
                             ToolSet tools) {

    public static final List<String> VOICES =
            List.of("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar");
    /** The spec's known models (the API takes any string). */
    public static final List<String> MODELS = List.of("gpt-realtime", "gpt-realtime-mini", "gpt-realtime-2",
            "gpt-realtime-1.5", "gpt-realtime-2.1", "gpt-realtime-2.1-mini", "gpt-realtime-2025-08-28",
            "gpt-realtime-mini-2025-10-06", "gpt-realtime-mini-2025-12-15", "gpt-4o-realtime-preview",
            "gpt-4o-realtime-preview-2024-10-01", "gpt-4o-realtime-preview-2024-12-17",
            "gpt-4o-realtime-preview-2025-06-03", "gpt-4o-mini-realtime-preview",
            "gpt-4o-mini-realtime-preview-2024-12-17", "gpt-audio-1.5", "gpt-audio-mini", "gpt-audio-mini-2025-10-06",
            "gpt-audio-mini-2025-12-15");
    public static final List<String> TRANSCRIPTION_MODELS =
            List.of("gpt-4o-mini-transcribe", "gpt-4o-transcribe", "gpt-4o-transcribe-diarize", "whisper-1",
                    "gpt-transcribe", "gpt-live-transcribe", "gpt-4o-mini-transcribe-2025-12-15",
                    "gpt-realtime-whisper");
    /** A custom voice is sent as {@code {"id":"voice_…"}}. */
    public static final String CUSTOM_VOICE_PREFIX = "voice_";
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
        session = session == null ? SessionConfig.NONE : session;
        tools = tools == null ? ToolSet.NONE : tools;
    }

    /** The basics only: no tools, no further session config. */
    public AcceptSettings(String instructions, String voice, String model, String greeting,
                          String transcriptionModel, TurnDetection turnDetection) {
        this(instructions, voice, model, greeting, transcriptionModel, turnDetection, SessionConfig.NONE,
                ToolSet.NONE);
    }

    public boolean customVoice() {
        return voice.startsWith(CUSTOM_VOICE_PREFIX);
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
        if (!VOICES.contains(voice) && !voice.matches(CUSTOM_VOICE_PREFIX + "[A-Za-z0-9_-]+")) {
            problems.add("Voice '" + voice + "' is not one of " + String.join(", ", VOICES)
                    + " or a custom voice id (voice_…).");
        }
        if (!MODELS.contains(model) && !model.matches("gpt-(realtime|4o-realtime|4o-mini-realtime|audio)[a-z0-9.\\-]*")) {
            problems.add("Model '" + model + "' is not a realtime model (e.g. gpt-realtime).");
        }
        if (!transcriptionModel.isEmpty() && !TRANSCRIPTION_MODELS.contains(transcriptionModel)) {
            problems.add("Transcription model '" + transcriptionModel + "' is not one of "
                    + String.join(", ", TRANSCRIPTION_MODELS) + ".");
        }
        if (greeting.length() > 2_000) {
            problems.add("Greeting is longer than 2000 characters.");
        }
        if (!transcribesCaller() && (!session.transcriptionLanguage().isEmpty()
                || !session.transcriptionPrompt().isEmpty())) {
            problems.add("Transcription language and prompt need a transcription model.");
        }
        problems.addAll(session.problems(turnDetection));
        problems.addAll(tools.problems());
        return problems;
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    public boolean transcribesCaller() {
        return !transcriptionModel.isEmpty();
    }

    public AcceptSettings withInstructions(String value) {
        return new AcceptSettings(value, voice, model, greeting, transcriptionModel, turnDetection, session, tools);
    }

    public AcceptSettings withVoice(String value) {
        return new AcceptSettings(instructions, value, model, greeting, transcriptionModel, turnDetection, session, tools);
    }

    public AcceptSettings withModel(String value) {
        return new AcceptSettings(instructions, voice, value, greeting, transcriptionModel, turnDetection, session, tools);
    }

    public AcceptSettings withGreeting(String value) {
        return new AcceptSettings(instructions, voice, model, value, transcriptionModel, turnDetection, session, tools);
    }

    public AcceptSettings withTranscriptionModel(String value) {
        return new AcceptSettings(instructions, voice, model, greeting, value, turnDetection, session, tools);
    }

    public AcceptSettings withTurnDetection(TurnDetection value) {
        return new AcceptSettings(instructions, voice, model, greeting, transcriptionModel, value, session, tools);
    }

    public AcceptSettings withSession(SessionConfig value) {
        return new AcceptSettings(instructions, voice, model, greeting, transcriptionModel, turnDetection, value, tools);
    }

    public AcceptSettings withTools(ToolSet value) {
        return new AcceptSettings(instructions, voice, model, greeting, transcriptionModel, turnDetection, session, value);
    }
}
