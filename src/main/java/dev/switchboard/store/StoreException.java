package dev.switchboard.store;

/** The history or profile database could not be read or written; the message is in plain words. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
