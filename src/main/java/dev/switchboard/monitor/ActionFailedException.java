package dev.switchboard.monitor;

/** An action on a call that did not succeed; the message is meant for a person. */
public class ActionFailedException extends RuntimeException {

    private final boolean retryable;

    public ActionFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
