package dev.switchboard.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %redactedEx}: the stack trace with secrets taken out by {@link Redactor} (exception messages can quote a
 * request). Being a throwable converter, it also stops logback from appending its own unredacted {@code %ex}.
 */
public final class RedactingThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redact(super.convert(event));
    }
}
