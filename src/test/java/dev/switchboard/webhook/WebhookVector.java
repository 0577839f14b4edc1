package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shared signature test vector (a copy lives in test resources so tests never need ../shared). */
record WebhookVector(String secret, String msgId, long timestamp, String signature, String body) {

    static final String RESOURCE = "/vectors/webhook-incoming.json";

    static WebhookVector load() {
        try (InputStream in = WebhookVector.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from test resources");
            }
            JsonNode node = new ObjectMapper().readTree(in);
            return new WebhookVector(node.get("secret").asText(), node.get("msg_id").asText(),
                    node.get("timestamp").asLong(), node.get("signature").asText(), node.get("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    WebhookSignature signer() {
        return new WebhookSignature(WebhookSecret.parse(secret));
    }
}
