package dev.switchboard.logging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is written to a log: the exact values registered at startup (the configured
 * API key and webhook secret) and anything shaped like an OpenAI key ({@code sk-…}), a webhook signing secret
 * ({@code whsec_…}) or a bearer token ({@code Bearer …}). Each becomes {@value #REDACTED}. Plain Java, thread-safe;
 * the logback converters in this package apply it to every message and stack trace.
 */
public final class Redactor {

    public static final String REDACTED = "[redacted]";
    /** Shorter values are not registered: redacting every "abc" in the log would hide more than it protects. */
    public static final int MIN_SECRET_LENGTH = 8;

    private static final Pattern SHAPES = Pattern.compile(
            "((?i:bearer)\\s+)[A-Za-z0-9._~+/=-]{6,}"
                    + "|sk-[A-Za-z0-9_-]{8,}"
                    + "|whsec_[A-Za-z0-9+/=_-]{4,}");

    /** Longest first, so a secret that contains another registered one goes whole. Replaced, never changed. */
    private static volatile List<String> secrets = List.of();

    private Redactor() {
    }

    /** Redacts this exact value (and its trimmed form) from now on; null, blank and very short values are ignored. */
    public static synchronized void register(String secret) {
        if (secret == null) {
            return;
        }
        List<String> updated = new ArrayList<>(secrets);
        for (String value : new String[] {secret, secret.strip()}) {
            if (value.length() >= MIN_SECRET_LENGTH && !updated.contains(value)) {
                updated.add(value);
            }
        }
        updated.sort(Comparator.comparingInt(String::length).reversed());
        secrets = List.copyOf(updated);
    }

    /** The text with every registered secret and every key-, secret- or token-shaped word replaced. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, REDACTED);
            }
        }
        return redactShapes(result);
    }

    /**
     * Only the shapes: anything that looks like a key, a signing secret or a bearer token, whatever was registered.
     * Exports use it with their own list of exact values.
     */
    public static String redactShapes(String text) {
        if (text == null || !mayHaveShape(text)) {
            return text;
        }
        Matcher matcher = SHAPES.matcher(text);
        return matcher.replaceAll(match -> {
            String bearer = match.group(1); // the "Bearer " prefix, kept
            return Matcher.quoteReplacement(bearer == null ? REDACTED : bearer + REDACTED);
        });
    }

    /** A cheap test that skips the regular expression for the usual log line. */
    private static boolean mayHaveShape(String text) {
        return text.contains("sk-") || text.contains("whsec_") || text.contains("earer") || text.contains("EARER");
    }
}
