package dev.switchboard.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives logback.xml the log directory: {@link LogFiles#currentDirectory()}. */
public final class LogDirectoryDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return LogFiles.currentDirectory().toString();
    }
}
