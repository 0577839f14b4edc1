package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A bare OkHttp client for the simulator's REST API and sideband socket, as the app would use them. */
final class SimClient implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final long TIMEOUT_S = 10;

    record Answer(int code, JsonNode body) {
        JsonNode error() {
            return body.path("error");
        }
    }

    private final Simulator sim;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(TIMEOUT_S)).build();

    SimClient(Simulator sim) {
        this.sim = sim;
    }

    Answer post(String path, String key, String body) {
        Request.Builder request = new Request.Builder().url(sim.baseUrl() + path)
                .post(RequestBody.create(body == null ? "" : body, MediaType.get("application/json")));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            return new Answer(response.code(), text.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer action(String callId, String action, String body) {
        return post("/realtime/calls/" + callId + "/" + action, sim.apiKey(), body);
    }

    Socket connect(String callId, String key) {
        return new Socket(callId, key);
    }

    /** Records every server event; {@link #closed} completes with the close code, or -1 on failure. */
    final class Socket extends WebSocketListener {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final CompletableFuture<Integer> failedWithStatus = new CompletableFuture<>();
        private final List<Watch> watches = new CopyOnWriteArrayList<>();
        final WebSocket webSocket;

        private record Watch(Predicate<JsonNode> condition, CompletableFuture<JsonNode> future) {
        }

        Socket(String callId, String key) {
            String url = sim.baseUrl().replaceFirst("^http", "ws") + "/realtime?call_id=" + callId;
            Request.Builder request = new Request.Builder().url(url);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            webSocket = http.newWebSocket(request.build(), this);
        }

        /** Completes with the first event (already received or future) matching the condition. */
        CompletableFuture<JsonNode> when(Predicate<JsonNode> condition) {
            CompletableFuture<JsonNode> future = new CompletableFuture<>();
            watches.add(new Watch(condition, future));
            events.stream().filter(condition).findFirst().ifPresent(future::complete);
            return future;
        }

        void send(String text) {
            webSocket.send(text);
        }

        int awaitClose() throws Exception {
            return closed.get(TIMEOUT_S, TimeUnit.SECONDS);
        }

        List<String> types() {
            return events.stream().map(e -> e.path("type").asText()).toList();
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.complete(webSocket);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                JsonNode event = MAPPER.readTree(text);
                events.add(event);
                watches.stream().filter(w -> w.condition().test(event)).forEach(w -> w.future().complete(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            closed.complete(code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            failedWithStatus.complete(response == null ? -1 : response.code());
            closed.complete(-1);
            opened.completeExceptionally(t);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
