package dev.switchboard.call;

/**
 * What part of a {@link Call} changed, so listeners can refresh only that. {@code TURNS}: {@link Call#turns()}
 * (latencies, interruptions, cost); {@code HEALTH}: {@link Call#health()} (warnings, session, socket close);
 * {@code TOOLS}: {@link Call#tools()} (function calls, MCP approvals and calls); {@code ALERTS}: {@link Call#alerts()}.
 */
public enum CallChange { STATE, TRANSCRIPT, TIMELINE, USAGE, EVENTS, SPEAKING, SETTINGS, ACTION, TURNS, HEALTH, TOOLS, ALERTS }
