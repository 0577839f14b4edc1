package dev.switchboard.webhook;

/** A webhook that must be refused, with a short reason safe to put in the response. */
public class WebhookRejection extends RuntimeException {

    private final int status;

    public WebhookRejection(String reason) {
        this(400, reason);
    }

    public WebhookRejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
