package dev.switchboard.history;

/**
 * One stored call's answer times and cost, as plain numbers for tables and statistics. Every value that is unknown
 * (no greeting, no answered turn, a model without a price) is {@code -1}.
 *
 * @param toolErrors tool calls whose result was an error or never came; -1 when not known
 */
public record CallNumbers(int turns, long greetingMs, long turnP50Ms, long turnP95Ms, long turnMaxMs,
                          int interruptions, double costUsd, int toolErrors) {

    public static final CallNumbers UNKNOWN = new CallNumbers(0, -1, -1, -1, -1, 0, -1, -1);

    public boolean hasGreeting() {
        return greetingMs >= 0;
    }

    public boolean hasCost() {
        return costUsd >= 0;
    }
}
