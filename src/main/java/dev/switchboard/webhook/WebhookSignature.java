package dev.switchboard.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme: {@code v1,base64(HMAC-SHA256(key, id.timestamp.body))}, over
 * the raw body bytes, with a timestamp tolerance.
 */
public final class WebhookSignature {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final SecretKeySpec key;
    private final Duration tolerance;

    public WebhookSignature(WebhookSecret secret) {
        this(secret, DEFAULT_TOLERANCE);
    }

    public WebhookSignature(WebhookSecret secret, Duration tolerance) {
        this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
        this.tolerance = tolerance;
    }

    /** The header value for a message: {@code v1,<base64>}. */
    public String sign(String msgId, long timestampSeconds, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(msgId, timestampSeconds, body));
    }

    /**
     * Checks the headers against the raw body.
     *
     * @throws WebhookRejection with a short reason when it does not verify
     */
    public void verify(String msgId, String timestamp, String signatureHeader, byte[] body, long nowSeconds) {
        if (msgId == null || msgId.isBlank()) {
            throw new WebhookRejection("missing webhook-id header");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new WebhookRejection("missing webhook-timestamp header");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookRejection("missing webhook-signature header");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejection("webhook-timestamp is not a number");
        }
        if (ts < nowSeconds - tolerance.toSeconds()) {
            throw new WebhookRejection("webhook-timestamp too old");
        }
        if (ts > nowSeconds + tolerance.toSeconds()) {
            throw new WebhookRejection("webhook-timestamp in the future");
        }
        byte[] expected = hmac(msgId, ts, body);
        for (String entry : signatureHeader.trim().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new WebhookRejection("no matching signature");
    }

    private byte[] hmac(String msgId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
