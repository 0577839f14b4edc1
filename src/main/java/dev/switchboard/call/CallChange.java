package dev.switchboard.call;

/** What part of a {@link Call} changed, so listeners can refresh only that. */
public enum CallChange { STATE, TRANSCRIPT, TIMELINE, USAGE, EVENTS, SPEAKING, SETTINGS, ACTION }
