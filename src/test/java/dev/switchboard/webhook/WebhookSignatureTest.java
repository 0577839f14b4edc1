package dev.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookVector vector = WebhookVector.load();

    @Test
    void signReproducesTheReferenceLibrarySignature() {
        assertEquals(vector.signature(), vector.signer().sign(vector.msgId(), vector.timestamp(), vector.bodyBytes()));
    }

    @Test
    void vectorVerifiesAtItsTimestamp() {
        assertDoesNotThrow(() -> vector.signer().verify(vector.msgId(), Long.toString(vector.timestamp()),
                vector.signature(), vector.bodyBytes(), vector.timestamp()));
    }

    @Test
    void signThenVerifyRoundTripsWithAFreshSecret() {
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(WebhookSecret.generate()));
        byte[] body = "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        String header = signature.sign("wh_1", 1_000, body);

        assertDoesNotThrow(() -> signature.verify("wh_1", "1000", header, body, 1_000));
        WebhookRejection wrongId = assertThrows(WebhookRejection.class,
                () -> signature.verify("wh_2", "1000", header, body, 1_000));
        assertEquals(400, wrongId.status());
        assertEquals("no matching signature", wrongId.getMessage());
    }

    @Test
    void aSecretWithoutPrefixIsUsedAsUtf8Bytes() {
        WebhookSignature plain = new WebhookSignature(WebhookSecret.parse("not-prefixed"));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = plain.sign("wh_1", 5, body);
        assertThrows(WebhookRejection.class, () -> vector.signer().verify("wh_1", "5", header, body, 5));
        assertDoesNotThrow(() -> plain.verify("wh_1", "5", header, body, 5));
    }

    @Test
    void secretNeverShowsInToString() {
        assertFalse(WebhookSecret.parse(vector.secret()).toString().contains("c3dpdGNo"));
    }

    @Test
    void malformedPrefixedSecretIsRefusedInPlainWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookSecret.parse("whsec_not base64!"));
        assertEquals("webhook secret is not 'whsec_' followed by base64", e.getMessage());
    }
}
