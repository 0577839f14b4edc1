package dev.switchboard.history;

/** A call export or profile file that is not in Switchboard's format; the message says what is wrong. */
public final class HistoryFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public HistoryFormatException(String message) {
        super(message);
    }

    public HistoryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
