package dev.switchboard.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a mid-call {@code session.update} changes: only the fields that differ from what the call runs with. Audio
 * formats are never part of it (changing them mid-call breaks the SIP audio), and the voice only until the agent's
 * first audio response (after that the API refuses the change).
 */
public record SessionChange(Optional<String> instructions, Optional<String> voice) {

    public static final SessionChange NONE = new SessionChange(Optional.empty(), Optional.empty());

    /**
     * @param current     what the call runs with (null: unknown, so everything given counts as changed)
     * @param voiceLocked the agent has already spoken: the voice can no longer change
     * @throws IllegalArgumentException when the voice would change although it is locked
     */
    public static SessionChange between(AcceptSettings current, String instructions, String voice, boolean voiceLocked) {
        Optional<String> newInstructions = changed(current == null ? null : current.instructions(), instructions);
        Optional<String> newVoice = changed(current == null ? null : current.voice(), voice);
        if (newVoice.isPresent() && voiceLocked) {
            throw new IllegalArgumentException("the voice cannot change after the agent's first audio response");
        }
        return new SessionChange(newInstructions, newVoice);
    }

    private static Optional<String> changed(String before, String after) {
        if (after == null || after.isBlank() || after.equals(before)) {
            return Optional.empty();
        }
        return Optional.of(after);
    }

    public boolean isEmpty() {
        return instructions.isEmpty() && voice.isEmpty();
    }

    /** The settings after the change. */
    public AcceptSettings applyTo(AcceptSettings settings) {
        AcceptSettings out = settings;
        if (instructions.isPresent()) {
            out = out.withInstructions(instructions.get());
        }
        if (voice.isPresent()) {
            out = out.withVoice(voice.get());
        }
        return out;
    }

    /** "instructions, voice": what the transcript note names. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        instructions.ifPresent(i -> parts.add("instructions"));
        voice.ifPresent(v -> parts.add("voice → " + v));
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }
}
