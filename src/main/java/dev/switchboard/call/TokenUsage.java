package dev.switchboard.call;

/** Token usage of one model response (from {@code response.done}). */
public record TokenUsage(String responseId, long inputTokens, long outputTokens, long totalTokens) {

    public static final TokenUsage ZERO = new TokenUsage("total", 0, 0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage("total", inputTokens + other.inputTokens, outputTokens + other.outputTokens,
                totalTokens + other.totalTokens);
    }
}
