package dev.switchboard.call;

/**
 * Where a barge-in cut the agent's sentence. The socket carries no audio for SIP calls, so the text cannot be
 * aligned to {@code audio_end_ms} exactly: the cut is placed proportionally to characters and moved back to a word
 * start, since a half-heard word was not understood.
 */
public record HeardSplit(String heard, String unheard) {

    /** About 1 audio output token per 50 ms of speech (OpenAI's realtime pricing notes). */
    public static final long MS_PER_AUDIO_OUTPUT_TOKEN = 50;
    /** Fallback speaking rate when the audio length is not known yet (~15 characters a second). */
    public static final long MS_PER_CHARACTER = 65;

    public static HeardSplit all(String text) {
        return new HeardSplit(text == null ? "" : text, "");
    }

    /**
     * @param audioEndMs    how much of the audio the caller heard
     * @param audioLengthMs the response's whole audio length (estimated); {@code <= 0} means "estimate from text"
     */
    public static HeardSplit of(String text, long audioEndMs, long audioLengthMs) {
        String t = text == null ? "" : text;
        long length = audioLengthMs > 0 ? audioLengthMs : t.length() * MS_PER_CHARACTER;
        if (t.isEmpty() || length <= 0 || audioEndMs >= length) {
            return all(t);
        }
        double fraction = Math.max(0, audioEndMs) / (double) length;
        int cut = (int) Math.round(fraction * t.length());
        if (cut < t.length() && cut > 0 && !Character.isWhitespace(t.charAt(cut))
                && !Character.isWhitespace(t.charAt(cut - 1))) {
            while (cut > 0 && !Character.isWhitespace(t.charAt(cut - 1))) {
                cut--;
            }
        }
        return new HeardSplit(t.substring(0, cut), t.substring(cut));
    }
}
