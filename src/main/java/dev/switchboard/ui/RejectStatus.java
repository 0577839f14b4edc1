package dev.switchboard.ui;

/** The SIP final statuses offered when rejecting a ringing call. */
public enum RejectStatus {
    BUSY(486, "486 Busy Here"), DECLINE(603, "603 Decline");

    private final int code;
    private final String label;

    RejectStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return label;
    }
}
