package dev.switchboard.monitor;

import dev.switchboard.call.AcceptSettings;

/** Accepting every ringing call at once, with fixed settings. */
public interface AutoAnswer {

    /** When on, every ringing call is accepted at once with {@code settings}. */
    void setAutoAccept(boolean enabled, AcceptSettings settings);

    boolean autoAccept();
}
