package dev.switchboard.openai;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed OpenAI request: the HTTP status (0 for a network failure) and OpenAI's own error fields.
 * {@link #getMessage()} is meant for a person.
 */
public class OpenAiApiException extends Exception {

    private final int status;
    private final String type;
    private final String code;
    private final String apiMessage;
    private final Duration retryAfter;

    public OpenAiApiException(int status, String type, String code, String apiMessage, Throwable cause) {
        this(status, type, code, apiMessage, null, cause);
    }

    /** @param retryAfter what the answer's {@code Retry-After} asked for, or null */
    public OpenAiApiException(int status, String type, String code, String apiMessage, Duration retryAfter,
                              Throwable cause) {
        super(describe(status, apiMessage), cause);
        this.status = status;
        this.type = type;
        this.code = code;
        this.apiMessage = apiMessage;
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait before trying again ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String describe(int status, String apiMessage) {
        String what = switch (status) {
            case 0 -> "Could not reach OpenAI";
            case 400 -> "OpenAI refused the request (400)";
            case 401 -> "OpenAI refused the API key (401)";
            case 403 -> "The API key may not do this (403)";
            case 404 -> "OpenAI does not know this call, or it already ended (404)";
            case 409 -> "The call is not in a state that allows this (409)";
            case 429 -> "OpenAI is rate limiting (429)";
            default -> status >= 500 ? "OpenAI had a server error (" + status + ")" : "OpenAI answered " + status;
        };
        return apiMessage == null || apiMessage.isBlank() ? what : what + ": " + apiMessage;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String apiMessage() {
        return apiMessage;
    }

    /** 429, 5xx and network failures are worth another try; other 4xx never are. */
    public boolean isRetryable() {
        return status == 0 || status == 429 || status >= 500;
    }

    /** The call is gone or no longer answerable (the caller hung up, or it was already handled). */
    public boolean callIsGone() {
        return status == 404 || status == 409 || status == 410;
    }
}
