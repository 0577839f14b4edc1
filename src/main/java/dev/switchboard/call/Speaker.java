package dev.switchboard.call;

public enum Speaker {
    AGENT, CALLER;

    public String label() {
        return this == AGENT ? "agent" : "caller";
    }
}
