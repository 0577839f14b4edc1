package dev.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any webhook body gives a parsed event or a clean 400 rejection; nothing else escapes. */
class WebhookEventFuzzTest {

    @Property(tries = 1500)
    void anyBytesGiveAResultOrACleanRejection(@ForAll byte[] body) {
        check(body);
    }

    @Property(tries = 1500)
    void anyJsonLikeTextGivesAResultOrACleanRejection(@ForAll("jsonish") String body) {
        check(body.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1500)
    void incomingCallShapesParseOrAreRejected(@ForAll("incomingCalls") String body) {
        WebhookEvent event = check(body.getBytes(StandardCharsets.UTF_8));
        if (event != null && event.call() != null) {
            assertFalse(event.call().callId().isBlank());
            assertEquals(WebhookListener.INCOMING_CALL_TYPE, event.type());
        }
    }

    private static WebhookEvent check(byte[] body) {
        try {
            WebhookEvent event = WebhookEvent.parse(body, "wh_fuzz", 1L);
            assertTrue(event.type() != null && event.eventId() != null);
            return event;
        } catch (WebhookRejection rejection) {
            assertEquals(400, rejection.status());
            assertTrue(rejection.getMessage().length() < 60, "a short reason, never the body");
            return null;
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> atoms = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "null", "true", "1e999",
                "-0", "\"type\"", "\"data\"", "\"call_id\"", "\"sip_headers\"", "\"realtime.call.incoming\"",
                "\uD83D\uDE00", "\u0000", " ", "\"\\u0000\"", "123456789012345678901234567890");
        return atoms.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> incomingCalls() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(WebhookEventFuzzTest::quote),
                Arbitraries.of("null", "1", "[]", "{}", "true", "\"\"", "[{\"name\":1}]", "{\"name\":\"From\"}"));
        Arbitrary<String> header = Combinators.combine(value, value)
                .as((n, v) -> "{\"name\":" + n + ",\"value\":" + v + "}");
        Arbitrary<String> headers = Arbitraries.oneOf(header.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                value);
        return Combinators.combine(Arbitraries.of("\"realtime.call.incoming\"", "\"response.completed\"", "1", "null"),
                        value, headers, Arbitraries.of(true, false))
                .as((type, callId, sip, withData) -> "{\"id\":\"evt_1\",\"type\":" + type
                        + (withData ? ",\"data\":{\"call_id\":" + callId + ",\"sip_headers\":" + sip + "}" : "") + "}");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
