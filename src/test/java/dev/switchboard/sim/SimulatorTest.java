package dev.switchboard.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final String GREETING = "Thank you for calling, how can I help?";
    private static final String ACCEPT_WITH_TRANSCRIPTION = """
            {"type":"realtime","model":"gpt-realtime","instructions":"You are a support agent.",
             "audio":{"output":{"voice":"marin"},
                      "input":{"transcription":{"model":"gpt-4o-mini-transcribe"},
                               "turn_detection":{"type":"semantic_vad"}}}}""";
    private static final String ACCEPT_WITHOUT_TRANSCRIPTION = """
            {"type":"realtime","model":"gpt-realtime","audio":{"output":{"voice":"cedar"}}}""";

    /** What the webhook receiver saw. */
    private record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final LinkedBlockingQueue<Received> webhooks = new LinkedBlockingQueue<>();
    private volatile int webhookStatus = 200;
    private HttpServer receiver;
    private Simulator sim;
    private SimClient client;

    @BeforeEach
    void setUp() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/webhook", exchange -> {
            webhooks.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(webhookStatus, -1);
            exchange.close();
        });
        receiver.start();
        startSim(SimOptions.fast());
    }

    private void startSim(SimOptions options) throws IOException {
        if (sim != null) {
            sim.close();
            client.close();
        }
        sim = new Simulator(options);
        sim.start();
        sim.setWebhookTarget(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook"));
        client = new SimClient(sim);
    }

    @AfterEach
    void tearDown() {
        sim.close();
        sim.close(); // idempotent
        client.close();
        receiver.stop(0);
    }

    @Test
    void ringPostsAVerifiableIncomingCallWebhook() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);

        Received hook = webhooks.poll(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertTrue(hook.header("Content-Type").startsWith("application/json"));
        assertTrue(hook.header("webhook-id").startsWith("wh_"));
        new WebhookSignature(WebhookSecret.parse(sim.webhookSecret())).verify(hook.header("webhook-id"),
                hook.header("webhook-timestamp"), hook.header("webhook-signature"), hook.body(),
                Instant.now().getEpochSecond());

        JsonNode body = SimClient.MAPPER.readTree(hook.body());
        assertEquals("event", body.path("object").asText());
        assertTrue(body.path("id").asText().startsWith("evt_"));
        assertEquals("realtime.call.incoming", body.path("type").asText());
        assertTrue(body.path("created_at").asLong() > 0);
        assertEquals(callId, body.at("/data/call_id").asText());
        assertTrue(callId.matches("rtc_[0-9a-f]{32}"), callId);
        Map<String, String> sip = new java.util.HashMap<>();
        body.at("/data/sip_headers").forEach(h -> sip.put(h.path("name").asText(), h.path("value").asText()));
        assertTrue(sip.get("From").startsWith("\"Dana Whitfield\" <sip:+15551230001@pstn.twilio.com>;tag="));
        assertEquals("<sip:+15559870000@sip.api.openai.com>", sip.get("To"));
        assertFalse(sip.get("Call-ID").isBlank());
        assertEquals(SimCall.State.RINGING, sim.call(callId).orElseThrow().state());
    }

    @Test
    void ringFailsClearlyWhenTheListenerRefuses() {
        webhookStatus = 400;
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> sim.ring(Scenario.SUPPORT_CALL));
        assertTrue(e.getMessage().contains("answered 400"), e.getMessage());
        assertEquals(SimCall.State.MISSED, sim.calls().get(0).state());
    }

    @Test
    void restErrorsComeInOpenAiShape() {
        String callId = sim.ring(Scenario.SUPPORT_CALL);

        SimClient.Answer wrongKey = client.post("/realtime/calls/" + callId + "/accept", "sk-wrong-key-123456789",
                ACCEPT_WITH_TRANSCRIPTION);
        assertEquals(401, wrongKey.code());
        assertEquals("invalid_request_error", wrongKey.error().path("type").asText());
        assertEquals("invalid_api_key", wrongKey.error().path("code").asText());
        assertTrue(wrongKey.error().path("message").asText().startsWith("Incorrect API key provided: sk-"));
        assertFalse(wrongKey.error().path("message").asText().contains("sk-wrong-key-123456789"));
        assertTrue(wrongKey.error().has("param"));
        assertEquals(401, client.post("/realtime/calls/" + callId + "/accept", null, ACCEPT_WITH_TRANSCRIPTION).code());

        SimClient.Answer unknown = client.action("rtc_" + "0".repeat(32), "accept", ACCEPT_WITH_TRANSCRIPTION);
        assertEquals(404, unknown.code());
        assertEquals("invalid_request_error", unknown.error().path("type").asText());
        assertEquals(404, client.post("/realtime/nothing", sim.apiKey(), "{}").code());

        SimClient.Answer noType = client.action(callId, "accept", "{\"model\":\"gpt-realtime\"}");
        assertEquals(400, noType.code());
        assertEquals("type", noType.error().path("param").asText());
        assertEquals(400, client.action(callId, "accept", "not json").code());
        SimClient.Answer badVoice = client.action(callId, "accept",
                "{\"type\":\"realtime\",\"audio\":{\"output\":{\"voice\":\"darth\"}}}");
        assertEquals(400, badVoice.code());
        assertEquals("audio.output.voice", badVoice.error().path("param").asText());
        assertEquals(400, client.action(callId, "accept", "{\"type\":\"realtime\",\"model\":\"gpt-4o\"}").code());
        assertEquals(409, client.action(callId, "hangup", null).code()); // still ringing

        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Answer twice = client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION);
        assertEquals(409, twice.code());
        assertEquals("invalid_request_error", twice.error().path("type").asText());
        assertEquals(400, client.action(callId, "refer", "{\"target_uri\":\"+14155550123\"}").code());
        assertTrue(sim.call(callId).orElseThrow().acceptBody().orElseThrow().contains("gpt-4o-mini-transcribe"));
        assertTrue(sim.restLog().contains("POST /v1/realtime/calls/" + callId + "/accept 200"), sim.restLog()::toString);
    }

    @Test
    void rejectRecordsTheStatus() {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(400, client.action(callId, "reject", "{\"status_code\":200}").code());
        assertEquals(200, client.action(callId, "reject", "{\"status_code\":486}").code());
        SimCall call = sim.call(callId).orElseThrow();
        assertEquals(SimCall.State.REJECTED, call.state());
        assertEquals(486, call.rejectStatus().getAsInt());
        assertEquals(404, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
    }

    @Test
    void callerWhoHangsUpWhileRingingIsMissedAndCannotBeAccepted() {
        String callId = sim.ring(Scenario.HANGS_UP_WHILE_RINGING);
        assertEquals(SimCall.State.MISSED, sim.call(callId).orElseThrow().state());
        SimClient.Answer accept = client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION);
        assertEquals(404, accept.code());
        assertEquals("Call not found or already ended", accept.error().path("message").asText());
    }

    @Test
    void supportCallPlaysTheWholeConversation() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.opened.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        socket.send("{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say to the user: " + GREETING + "\"}}");

        assertEquals(1000, socket.awaitClose());
        List<JsonNode> events = socket.events;
        List<String> types = socket.types();

        JsonNode created = events.get(0);
        assertEquals("session.created", created.path("type").asText());
        assertEquals("marin", created.at("/session/audio/output/voice").asText());
        assertEquals("gpt-4o-mini-transcribe", created.at("/session/audio/input/transcription/model").asText());
        assertEquals("semantic_vad", created.at("/session/audio/input/turn_detection/type").asText());
        assertFalse(created.at("/session/audio/input/turn_detection").has("threshold"));
        assertEveryEventHasAUniqueId(events);

        // the greeting: deltas of the first assistant item join to what the client asked for
        String greetingItem = first(events, "response.output_audio_transcript.delta").path("item_id").asText();
        String greeting = events.stream().filter(e -> is(e, "response.output_audio_transcript.delta")
                        && e.path("item_id").asText().equals(greetingItem))
                .map(e -> e.path("delta").asText()).collect(Collectors.joining());
        assertEquals(GREETING, greeting);

        List<JsonNode> completed = all(events, "conversation.item.input_audio_transcription.completed");
        assertTrue(completed.size() >= 3, "caller transcriptions: " + completed.size());
        completed.forEach(c -> assertTrue(c.path("usage").has("total_tokens")));

        // a late transcription: completes after the agent already streams a reply to a later item
        Map<String, Integer> addedAt = itemAddedPositions(events);
        boolean late = false;
        for (JsonNode done : completed) {
            int doneAt = events.indexOf(done);
            int callerItemAt = addedAt.get(done.path("item_id").asText());
            for (int i = 0; i < doneAt; i++) {
                JsonNode e = events.get(i);
                if (is(e, "response.output_audio_transcript.delta")
                        && addedAt.get(e.path("item_id").asText()) > callerItemAt) {
                    late = true;
                }
            }
        }
        assertTrue(late, "no caller transcription completed after a later agent delta");

        JsonNode done = first(events, "response.done");
        assertEquals("completed", done.at("/response/status").asText());
        assertTrue(done.at("/response/usage/total_tokens").asLong() > 0);
        assertTrue(done.at("/response/usage/input_token_details").has("audio_tokens"));
        assertTrue(done.at("/response/usage/output_token_details").has("audio_tokens"));
        assertTrue(types.contains("rate_limits.updated"));
        assertTrue(types.contains("output_audio_buffer.started"));
        assertTrue(types.contains("input_audio_buffer.speech_started"));
        assertEquals(types.indexOf("response.created") + 1, types.indexOf("response.output_item.added"));

        SimCall call = sim.call(callId).orElseThrow();
        assertEquals(SimCall.State.ENDED, call.state());
        assertEquals(1, call.clientMessages().size());

        SimClient.Socket again = client.connect(callId, sim.apiKey());
        assertEquals(404, again.failedWithStatus.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS));
    }

    @Test
    void withoutTranscriptionTheCallerIsNotTranscribed() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITHOUT_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey()); // sends no greeting: the script starts anyway
        assertEquals(1000, socket.awaitClose());

        List<String> types = socket.types();
        assertTrue(types.contains("input_audio_buffer.committed"));
        assertTrue(types.contains("response.output_audio_transcript.done"));
        assertTrue(types.stream().noneMatch(t -> t.startsWith("conversation.item.input_audio_transcription")), types::toString);
        assertEquals("cedar", socket.events.get(0).at("/session/audio/output/voice").asText());
    }

    @Test
    void socketNeedsTheKeyAndAnActiveCall() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(404, client.connect(callId, sim.apiKey()).failedWithStatus.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS));
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        assertEquals(401, client.connect(callId, "sk-nope").failedWithStatus.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS));
    }

    @Test
    void droppedSocketResumesWhereItWasWithoutReplay() throws Exception {
        // paced (the caller's first turn takes ~400 ms), so the drop lands inside that turn
        startSim(SimOptions.fast().withSpeed(10));
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket first = client.connect(callId, sim.apiKey());
        first.opened.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        CompletableFuture<JsonNode> speechStarted = first.when(e -> is(e, "input_audio_buffer.speech_started"));
        CompletableFuture<Void> dropped = speechStarted.thenAccept(e -> sim.dropSocket(callId)); // on receipt
        first.send("{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say to the user: Hi!\"}}");

        dropped.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(-1, first.awaitClose());
        assertEquals(SimCall.State.ACTIVE, sim.call(callId).orElseThrow().state());

        SimClient.Socket second = client.connect(callId, sim.apiKey());
        int secondClose;
        try {
            secondClose = second.awaitClose();
        } catch (java.util.concurrent.TimeoutException e) {
            // seen once in ~25 runs: say where the script stood, for whoever chases it
            throw new AssertionError("the resumed call did not end in time; sim state "
                    + sim.call(callId).map(SimCall::state).orElse(null) + ", second socket saw " + second.types()
                    + ", first saw " + first.types() + ", REST " + sim.restLog(), e);
        }
        assertEquals(1000, secondClose);
        assertEquals("session.created", second.events.get(0).path("type").asText());
        JsonNode resumed = second.events.stream()
                .filter(e -> e.path("type").asText().startsWith("input_audio_buffer.")).findFirst().orElseThrow();
        assertEquals("input_audio_buffer.speech_stopped", resumed.path("type").asText());
        assertEquals(speechStarted.get().path("item_id").asText(), resumed.path("item_id").asText());

        List<JsonNode> both = new ArrayList<>(first.events);
        both.addAll(second.events);
        assertEveryEventHasAUniqueId(both);
        Set<String> firstResponses = responseIds(first.events);
        assertTrue(responseIds(second.events).stream().noneMatch(firstResponses::contains));
        SimCall call = sim.call(callId).orElseThrow();
        assertEquals(SimCall.State.ENDED, call.state());
        assertEquals(2, call.socketConnections());
    }

    @Test
    void hangupClosesTheSocket() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.when(e -> is(e, "session.created")).get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals(200, client.action(callId, "hangup", null).code());
        assertEquals(1000, socket.awaitClose());
        assertEquals(SimCall.State.ENDED, sim.call(callId).orElseThrow().state());
        assertEquals(404, client.action(callId, "hangup", null).code());
    }

    @Test
    void referTransfersAndEndsTheCall() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.when(e -> is(e, "session.created")).get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);

        assertEquals(200, client.action(callId, "refer", "{\"target_uri\":\"tel:+14155550123\"}").code());
        assertEquals(1000, socket.awaitClose());
        SimCall call = sim.call(callId).orElseThrow();
        assertEquals(SimCall.State.ENDED, call.state());
        assertEquals("tel:+14155550123", call.referTarget().orElseThrow());
    }

    @Test
    void keypadMenuSendsDtmfAndAFailedTranscription() throws Exception {
        String callId = sim.ring(Scenario.DTMF_MENU);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.opened.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        socket.send("{oops");
        socket.send("{\"type\":\"response.create\"}");
        assertEquals(1000, socket.awaitClose());

        List<JsonNode> events = socket.events;
        JsonNode error = first(events, "error");
        assertEquals("invalid_json", error.at("/error/code").asText());
        assertEquals(List.of("2", "0"), all(events, "input_audio_buffer.dtmf_event_received").stream()
                .map(e -> e.path("event").asText()).toList());
        JsonNode failed = first(events, "conversation.item.input_audio_transcription.failed");
        assertEquals("Audio too short", failed.at("/error/message").asText());
        assertTrue(itemAddedPositions(events).containsKey(failed.path("item_id").asText()));
        assertEquals(List.of("{oops", "{\"type\":\"response.create\"}"), sim.call(callId).orElseThrow().clientMessages());
    }

    @Test
    void toolCallStreamsArgumentsThenTheAnswer() throws Exception {
        String callId = sim.ring(Scenario.TOOL_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.opened.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        socket.send("{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say to the user: Hello!\"}}");
        // the model waits for the client's output, then for response.create
        JsonNode waiting = socket.when(e -> is(e, "response.function_call_arguments.done")).get(SimClient.TIMEOUT_S,
                TimeUnit.SECONDS);
        socket.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"function_call_output\",\"call_id\":\""
                + waiting.path("call_id").asText() + "\",\"output\":\"{\\\"carrier\\\":\\\"UPS\\\"}\"}}");
        socket.send("{\"type\":\"response.create\"}");
        assertEquals(1000, socket.awaitClose());

        List<JsonNode> events = socket.events;
        JsonNode functionItem = events.stream().filter(e -> is(e, "conversation.item.added")
                && e.at("/item/type").asText().equals("function_call")).findFirst().orElseThrow();
        assertEquals("lookup_order", functionItem.at("/item/name").asText());
        JsonNode argsDone = first(events, "response.function_call_arguments.done");
        assertEquals("lookup_order", argsDone.path("name").asText());
        assertEquals(functionItem.at("/item/call_id").asText(), argsDone.path("call_id").asText());
        String streamed = all(events, "response.function_call_arguments.delta").stream()
                .map(e -> e.path("delta").asText()).collect(Collectors.joining());
        assertEquals(argsDone.path("arguments").asText(), streamed);
        assertEquals("4517", SimClient.MAPPER.readTree(streamed).path("order_id").asText());
        assertTrue(all(events, "response.output_audio_transcript.done").stream()
                .anyMatch(e -> e.path("transcript").asText().contains("UPS")));
        assertNotEquals(-1, events.indexOf(argsDone));
    }

    @Test
    void withoutAToolOutputTheAgentApologises() throws Exception {
        String callId = sim.ring(Scenario.TOOL_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.opened.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        socket.send("{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say to the user: Hello!\"}}");
        assertEquals(1000, socket.awaitClose());
        assertTrue(all(socket.events, "response.output_audio_transcript.done").stream()
                .anyMatch(e -> e.path("transcript").asText().equals(ScriptPlayer.TOOL_APOLOGY)));
    }

    @Test
    void socketSurvivesNonsenseAndAnswersClientEvents() throws Exception {
        String callId = sim.ring(Scenario.SUPPORT_CALL);
        assertEquals(200, client.action(callId, "accept", ACCEPT_WITH_TRANSCRIPTION).code());
        SimClient.Socket socket = client.connect(callId, sim.apiKey());
        socket.opened.get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        socket.send("[]");
        socket.send("{\"type\":\"no.such.event\",\"event_id\":\"evt_client_1\"}");
        socket.send("{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\",\"instructions\":\"Be brief.\"}}");
        socket.send("{\"type\":\"conversation.item.create\",\"item\":{\"type\":\"message\",\"role\":\"system\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"VIP caller\"}]}}");
        socket.send("{\"type\":\"response.cancel\"}");
        JsonNode updated = socket.when(e -> is(e, "session.updated")).get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("Be brief.", updated.at("/session/instructions").asText());
        assertEquals("marin", updated.at("/session/audio/output/voice").asText());
        JsonNode added = socket.when(e -> is(e, "conversation.item.added") && e.at("/item/role").asText().equals("system"))
                .get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertTrue(added.at("/item/id").asText().startsWith("item_"));
        socket.when(e -> is(e, "error") && e.at("/error/code").asText().equals("response_cancel_not_active"))
                .get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        JsonNode unknown = socket.when(e -> is(e, "error") && e.at("/error/event_id").asText().equals("evt_client_1"))
                .get(SimClient.TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals("invalid_value", unknown.at("/error/code").asText());
        assertEquals(1000, socket.awaitClose()); // and the conversation still runs to its end
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static boolean is(JsonNode event, String type) {
        return event.path("type").asText().equals(type);
    }

    private static JsonNode first(List<JsonNode> events, String type) {
        return events.stream().filter(e -> is(e, type)).findFirst().orElseThrow(() -> new AssertionError("no " + type));
    }

    private static List<JsonNode> all(List<JsonNode> events, String type) {
        return events.stream().filter(e -> is(e, type)).toList();
    }

    private static Map<String, Integer> itemAddedPositions(List<JsonNode> events) {
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (is(events.get(i), "conversation.item.added")) {
                positions.putIfAbsent(events.get(i).at("/item/id").asText(), i);
            }
        }
        return positions;
    }

    private static Set<String> responseIds(List<JsonNode> events) {
        return all(events, "response.created").stream().map(e -> e.at("/response/id").asText())
                .collect(Collectors.toSet());
    }

    private static void assertEveryEventHasAUniqueId(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        for (JsonNode event : events) {
            String id = event.path("event_id").asText();
            assertTrue(id.startsWith("event_"), event::toString);
            assertTrue(ids.add(id), () -> "repeated event_id " + id);
        }
    }
}
