package dev.switchboard.call;

/** Lifecycle of a call: ringing → accepting → active → ended, or one of the other terminal states. */
public enum CallState {
    RINGING, ACCEPTING, ACTIVE, ENDED, REJECTED, MISSED, FAILED;

    public boolean isTerminal() {
        return this == ENDED || this == REJECTED || this == MISSED || this == FAILED;
    }

    /** States from which a person can still accept or reject. */
    public boolean canAnswer() {
        return this == RINGING;
    }

    public boolean isLive() {
        return this == ACTIVE;
    }

    public boolean canMoveTo(CallState next) {
        if (isTerminal()) {
            return false;
        }
        return switch (this) {
            case RINGING -> next != RINGING && next != ACTIVE;
            // a failed accept returns to ringing so it can be retried while the call still rings
            case ACCEPTING -> next != ACCEPTING;
            case ACTIVE -> next == ENDED || next == FAILED;
            default -> false;
        };
    }

    public String label() {
        String n = name().toLowerCase();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
