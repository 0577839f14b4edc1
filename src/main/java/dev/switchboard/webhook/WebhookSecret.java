package dev.switchboard.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Standard Webhooks signing secret. {@code whsec_<base64>} is decoded; a secret without the prefix is
 * used as its UTF-8 bytes, as the reference library does. {@link #toString()} never shows the key.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException with a one-line reason when the value is unusable */
    public static WebhookSecret parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("webhook secret is empty");
        }
        String v = value.trim();
        if (v.startsWith(PREFIX)) {
            try {
                byte[] key = Base64.getDecoder().decode(v.substring(PREFIX.length()));
                if (key.length == 0) {
                    throw new IllegalArgumentException("webhook secret has nothing after 'whsec_'");
                }
                return new WebhookSecret(key);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("webhook secret")) {
                    throw e;
                }
                throw new IllegalArgumentException("webhook secret is not 'whsec_' followed by base64");
            }
        }
        return new WebhookSecret(v.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random secret in {@code whsec_} form (the simulator signs with one). */
    public static String generate() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
