package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.SipHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * A verified webhook body, parsed: its type and event id, and for {@code realtime.call.incoming} the call.
 * Any body gives either a result or a {@link WebhookRejection} (400, with a reason safe to answer), nothing else.
 *
 * @param call the incoming call, or null for another event type (acknowledged and ignored)
 */
record WebhookEvent(String type, String eventId, IncomingCall call) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static WebhookEvent parse(byte[] body, String webhookId, long arrivedNanos) {
        JsonNode event;
        try {
            event = JSON.readTree(body);
        } catch (java.io.IOException e) {
            // JacksonException among them; byte input never fails otherwise
            throw new WebhookRejection("malformed JSON");
        } catch (RuntimeException e) {
            // Jackson's own limits (nesting depth, number length) surface as unchecked exceptions on hostile input
            throw new WebhookRejection("malformed JSON");
        }
        if (event == null || !event.isObject() || !event.path("type").isTextual()) {
            throw new WebhookRejection("unknown shape");
        }
        String type = event.get("type").asText();
        String eventId = event.path("id").asText("");
        if (!WebhookListener.INCOMING_CALL_TYPE.equals(type)) {
            return new WebhookEvent(type, eventId, null);
        }
        return new WebhookEvent(type, eventId, toIncomingCall(webhookId, event, arrivedNanos));
    }

    private static IncomingCall toIncomingCall(String webhookId, JsonNode event, long arrivedNanos) {
        JsonNode data = event.path("data");
        JsonNode callId = data.path("call_id");
        if (!callId.isTextual() || callId.asText().isBlank()) {
            throw new WebhookRejection("missing data.call_id");
        }
        JsonNode headerNodes = data.path("sip_headers");
        List<SipHeader> headers = new ArrayList<>();
        if (!headerNodes.isMissingNode() && !headerNodes.isNull()) {
            if (!headerNodes.isArray()) {
                throw new WebhookRejection("data.sip_headers is not a list");
            }
            for (JsonNode header : headerNodes) {
                // The event is signed by OpenAI: an odd header entry should not make the call ring unanswered.
                if (header.path("name").isTextual()) {
                    JsonNode value = header.path("value");
                    headers.add(new SipHeader(header.get("name").asText(), value.isValueNode() ? value.asText() : ""));
                }
            }
        }
        return new IncomingCall(webhookId, event.path("id").asText(""), callId.asText(), headers, arrivedNanos);
    }
}
