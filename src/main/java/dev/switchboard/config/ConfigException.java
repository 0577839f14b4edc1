package dev.switchboard.config;

/**
 * Configuration the app cannot start with. The message is one line in plain words, meant to be printed
 * as is; there is no stack trace because the cause is the user's input, not the code.
 */
public class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
