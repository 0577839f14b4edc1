package dev.switchboard.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sideband WebSocket of one call. Connects at once (no fixed delay), retries the handshake with backoff,
 * and reconnects after an unexpected drop while the call is live. A normal close from the server (1000) or a
 * handshake refused with 4xx means the call is over. Client events sent while disconnected wait in a queue.
 */
public final class SidebandSession {

    private static final Logger log = LoggerFactory.getLogger(SidebandSession.class);
    static final int NORMAL_CLOSURE = 1000;

    /** Called on OkHttp's socket thread, in order. */
    public interface Listener {
        void opened(boolean reconnected);

        void received(String frame);

        void sent(String type, String frame);

        /** A drop we will try to recover from. */
        void interrupted(String reason, int attempt);

        /**
         * The session is over for good: the call ended, or we gave up.
         *
         * @param code the last WebSocket close code the server sent, or null when the socket failed without one
         */
        void closed(Integer code, String reason, boolean callEnded);
    }

    private final OkHttpClient http;
    private final OpenAiEndpoints endpoints;
    private final String callId;
    private final String apiKey;
    private final Listener listener;
    private final RetryPolicy retry;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier callLive;

    private final Object lock = new Object();
    private final Queue<ObjectNode> pending = new ArrayDeque<>();
    private WebSocket socket;
    private boolean open;
    private boolean finished;
    private boolean everOpened;
    private int failedAttempts;
    private volatile Integer lastCloseCode;

    public SidebandSession(OkHttpClient http, OpenAiEndpoints endpoints, String callId, String apiKey, Listener listener,
                           RetryPolicy retry, ScheduledExecutorService scheduler, BooleanSupplier callLive) {
        this.http = http;
        this.endpoints = endpoints;
        this.callId = callId;
        this.apiKey = apiKey;
        this.listener = listener;
        this.retry = retry;
        this.scheduler = scheduler;
        this.callLive = callLive;
    }

    public String url() {
        return endpoints.socketUrl(callId);
    }

    public void connect() {
        Request request = new Request.Builder()
                .url(endpoints.socket(callId))
                .header("Authorization", "Bearer " + apiKey)
                .build();
        synchronized (lock) {
            if (finished) {
                return;
            }
            socket = http.newWebSocket(request, new Handler());
        }
    }

    /** Sends a client event now, or as soon as the socket is (re)open. Returns false once the session is over. */
    public boolean send(ObjectNode event) {
        WebSocket target;
        synchronized (lock) {
            if (finished) {
                return false;
            }
            if (!open) {
                pending.add(event);
                return true;
            }
            target = socket;
        }
        return transmit(target, event);
    }

    private boolean transmit(WebSocket target, ObjectNode event) {
        String frame = event.toString();
        boolean queued = target.send(frame);
        if (queued) {
            listener.sent(event.path("type").asText("?"), frame);
        }
        return queued;
    }

    public boolean isOpen() {
        synchronized (lock) {
            return open;
        }
    }

    /** Closes for good (we hung up, or the app quits). */
    public void close() {
        WebSocket s;
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            open = false;
            s = socket;
        }
        if (s != null) {
            s.close(NORMAL_CLOSURE, "monitor closed");
        }
    }

    private void finish(String reason, boolean callEnded) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            open = false;
        }
        listener.closed(lastCloseCode, reason, callEnded);
    }

    /** After a drop or a failed handshake: try again with backoff while the call is live. */
    private void retryOrFinish(String reason) {
        int attempt;
        synchronized (lock) {
            if (finished) {
                return;
            }
            open = false;
            attempt = ++failedAttempts;
        }
        if (attempt >= retry.maxAttempts() + 1 || !callLive.getAsBoolean()) {
            boolean opened;
            synchronized (lock) {
                opened = everOpened;
            }
            // a call whose socket never opened and keeps being "not found" was most likely over already
            boolean gone = !opened && (reason.endsWith(" 404") || reason.endsWith(" 409") || reason.endsWith(" 410"));
            finish(gone ? "call ended (the socket never opened: " + reason + ")" : "socket lost: " + reason, gone);
            return;
        }
        listener.interrupted(reason, attempt);
        long delay = retry.delayBefore(attempt).toMillis();
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private final class Handler extends WebSocketListener {

        private boolean isCurrent(WebSocket ws) {
            synchronized (lock) {
                return ws == socket && !finished;
            }
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            boolean reconnected;
            ObjectNode[] queued;
            synchronized (lock) {
                if (ws != socket || finished) {
                    ws.close(NORMAL_CLOSURE, null);
                    return;
                }
                open = true;
                failedAttempts = 0;
                reconnected = everOpened;
                everOpened = true;
                queued = pending.toArray(new ObjectNode[0]);
                pending.clear();
            }
            log.info("sideband {} for {}", reconnected ? "reconnected" : "open", callId);
            listener.opened(reconnected);
            for (ObjectNode event : queued) {
                transmit(ws, event);
            }
        }

        @Override
        public void onMessage(WebSocket ws, String text) {
            if (isCurrent(ws)) {
                listener.received(text);
            }
        }

        @Override
        public void onMessage(WebSocket ws, ByteString bytes) {
            if (isCurrent(ws)) {
                listener.received(bytes.utf8());
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            ws.close(NORMAL_CLOSURE, null);
            if (!isCurrent(ws)) {
                return;
            }
            lastCloseCode = code;
            if (code == NORMAL_CLOSURE) {
                finish("call ended" + (reason == null || reason.isBlank() ? "" : ": " + reason), true);
            } else {
                retryOrFinish("closed with code " + code);
            }
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            // A refused upgrade hands us the response: release it (and its connection) first, whatever happens
            // next, or the next handshake waits for a connection that is never given back.
            int status = response == null ? -1 : response.code();
            if (response != null) {
                response.close();
            }
            ws.cancel();
            if (!isCurrent(ws)) {
                return;
            }
            if (response != null) {
                boolean opened;
                synchronized (lock) {
                    opened = everOpened;
                }
                if (status == 401 || status == 403) {
                    finish("socket refused: HTTP " + status + " (the API key may not open this call's socket)", false);
                    return;
                }
                // Right after accept the call's socket may not be ready yet: the first connection retries
                // whatever it is told. Once it was open, "not found" means the call is over.
                if (opened && (status == 404 || status == 409 || status == 410)) {
                    finish("call ended (socket answered " + status + ")", true);
                    return;
                }
                if (opened && status >= 400 && status < 500 && status != 429) {
                    finish("socket refused: HTTP " + status, false);
                    return;
                }
                retryOrFinish("handshake answered " + status);
                return;
            }
            retryOrFinish(t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
    }
}
