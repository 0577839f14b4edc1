package dev.switchboard.call;

/** A diarized stretch of caller speech ({@code ...input_audio_transcription.segment}); start/end in seconds. */
public record SpeakerSegment(String itemId, String segmentId, String speaker, double start, double end, String text) {
}
