package dev.switchboard.call;

/**
 * The token counts of one {@code response.done} that pricing needs. Input counts include their cached part, as
 * the API reports them ({@code input_token_details.text_tokens} vs {@code cached_tokens_details.text_tokens}).
 */
public record ResponseUsage(long textInput, long cachedTextInput, long audioInput, long cachedAudioInput,
                            long textOutput, long audioOutput) {

    public static final ResponseUsage NONE = new ResponseUsage(0, 0, 0, 0, 0, 0);

    /** Never negative, even if a server reports more cached than total tokens. */
    public long uncachedTextInput() {
        return Math.max(0, textInput - cachedTextInput);
    }

    public long uncachedAudioInput() {
        return Math.max(0, audioInput - cachedAudioInput);
    }
}
