package dev.switchboard.call;

/** Points on a call's lifecycle timeline, in the order they normally happen. */
public enum Milestone {
    WEBHOOK_RECEIVED("webhook received"),
    ACCEPT_SENT("accept sent"),
    ACCEPT_ANSWERED("accept answered"),
    SOCKET_OPEN("socket open"),
    FIRST_AGENT_WORD("first agent word"),
    FIRST_CALLER_WORD("first caller word"),
    ENDED("ended");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
