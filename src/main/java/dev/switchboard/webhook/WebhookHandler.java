package dev.switchboard.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook request, start to answer: path and method, the body within the deadline, the signature on the raw
 * bytes, parsing, the replay guard, the journal, then 200 — and the call handed on only after the answer is out.
 * Every refusal is a JSON 4xx (never 5xx for bad input, 503 when the call could not be made durable).
 */
final class WebhookHandler extends Handler.Abstract {

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);

    private final ObjectMapper json = new ObjectMapper();
    private final WebhookListener listener;
    private final WebhookSignature signature;
    private final Clock clock;
    private final IncomingCallJournal journal;
    private final ReplayGuard replayGuard;
    private final WebhookListener.Limits limits;
    private final ConnectionGuard guard;

    WebhookHandler(WebhookListener listener, WebhookSignature signature, Clock clock, IncomingCallJournal journal,
                   ReplayGuard replayGuard, WebhookListener.Limits limits, ConnectionGuard guard) {
        this.listener = listener;
        this.signature = signature;
        this.clock = clock;
        this.journal = journal;
        this.replayGuard = replayGuard;
        this.limits = limits;
        this.guard = guard;
    }

    /** Answers what Jetty refuses before this handler runs, in the same JSON shape. */
    ErrorHandler errorAnswer() {
        return new BadRequestAnswer();
    }


    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ConnectionGuard.ClientState state = guard.state(request.getConnectionMetaData().getConnection());
        if (state != null && !state.phase.compareAndSet(ConnectionGuard.ClientState.WAITING, ConnectionGuard.ClientState.HANDLING)) {
            callback.failed(new IOException("connection cut off"));
            return true;
        }
        try {
            serve(request, response, callback, state);
        } finally {
            if (state != null) {
                state.bytesAtLastAnswer = request.getConnectionMetaData().getConnection().getBytesIn();
                state.requestStartNanos = 0;
                state.phase.compareAndSet(ConnectionGuard.ClientState.HANDLING, ConnectionGuard.ClientState.WAITING);
            }
        }
        return true;
    }

    private void serve(Request request, Response response, Callback callback, ConnectionGuard.ClientState state) {
        long arrivedNanos = System.nanoTime();
        Instant arrivedAt = clock.instant();
        long startedNanos = state == null || state.requestStartNanos == 0 ? arrivedNanos : state.requestStartNanos;
        IncomingCall call = null;
        String[] typeAndId = new String[2]; // type and event id, once the signature checked out
        try {
            listener.countReceived();
            call = process(request, arrivedNanos, arrivedAt, startedNanos, typeAndId);
            response.setStatus(200);
        } catch (WebhookRejection rejection) {
            reject(request, response, callback, rejection.status(), rejection.getMessage());
            return;
        } catch (IOException e) {
            // The client went away or stopped sending mid-body: nothing useful can be answered.
            listener.countRejected();
            log.warn("webhook request failed: {} from {}", e.getClass().getSimpleName(), remote(request));
            callback.failed(e);
            return;
        } catch (RuntimeException e) {
            // Never 5xx for bad input, and never echo exception text (it may quote the body).
            log.debug("unexpected error handling webhook", e);
            reject(request, response, callback, 400, "bad request");
            return;
        }
        IncomingCall verified = call;
        // The sink and observers run once the answer is out: the sender must never wait on our call handling.
        response.write(true, null, Callback.from(() -> {
            callback.succeeded();
            afterAnswer(verified, typeAndId);
        }, failure -> {
            callback.failed(failure);
            afterAnswer(verified, typeAndId); // recorded already: it still rings and deserves an answer
        }));
    }

    private void afterAnswer(IncomingCall call, String[] typeAndId) {
        if (typeAndId[0] != null) {
            listener.notifyObservers(typeAndId[0], typeAndId[1]);
        }
        if (call != null) {
            listener.handOver(call);
        }
    }

    /** @return the call to hand to the sink, or null when the request is acknowledged and ignored */
    private IncomingCall process(Request request, long arrivedNanos, Instant arrivedAt, long startedNanos,
                                 String[] typeAndId) throws IOException {
        String path = request.getHttpURI().getPath();
        if (!"/".equals(path) && !WebhookListener.PATH.equals(path)) {
            throw new WebhookRejection(404, "not found");
        }
        if (!"POST".equals(request.getMethod())) {
            throw new WebhookRejection(405, "method not allowed");
        }
        byte[] body = readBody(request, startedNanos);

        String webhookId = request.getHeaders().get("webhook-id");
        signature.verify(webhookId,
                request.getHeaders().get("webhook-timestamp"),
                request.getHeaders().get("webhook-signature"),
                body, clock.instant().getEpochSecond());

        WebhookEvent event = WebhookEvent.parse(body, webhookId, arrivedNanos);
        typeAndId[0] = event.type();
        typeAndId[1] = event.eventId();
        if (event.call() == null) {
            log.debug("ignored webhook event type {}", event.type());
            return null;
        }
        // the signature check above proved the timestamp is a number
        IncomingCall call = event.call().withDeliveryLag(Instant.ofEpochSecond(Long.parseLong(
                request.getHeaders().get("webhook-timestamp").trim())), arrivedAt);
        if (!replayGuard.firstSighting(webhookId)) {
            log.info("webhook {} already received, not handled again", webhookId);
            return null;
        }
        try {
            journal.record(call, arrivedAt);
        } catch (Exception e) {
            // not acknowledged, so not handled: a redelivery must find the id unseen
            replayGuard.forget(webhookId);
            typeAndId[0] = null;
            log.error("could not record incoming call {}: {}", call.callId(), e.toString());
            throw new WebhookRejection(503, "could not record the call");
        }
        return call;
    }

    private byte[] readBody(Request request, long startedNanos) throws IOException {
        long declaredLength = request.getLength();
        if (declaredLength > WebhookListener.MAX_BODY_BYTES) {
            throw new WebhookRejection(413, "body too large");
        }
        long left = limits.requestDeadline().toNanos() - (System.nanoTime() - startedNanos);
        CompletableFuture<byte[]> reading = Content.Source.asByteArrayAsync(request, WebhookListener.MAX_BODY_BYTES);
        try {
            return reading.get(Math.max(left, 1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new WebhookRejection(408, "request too slow");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the body", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                throw new WebhookRejection(413, "body too large"); // Jetty's word for "more than maxSize"
            }
            throw new IOException("reading the body failed", cause);
        }
    }

    private void reject(Request request, Response response, Callback callback, int status, String reason) {
        listener.countRejected();
        log.warn("webhook rejected with {}: {} (from {})", status, reason, remote(request));
        answerError(response, callback, status, reason);
    }

    private void answerError(Response response, Callback callback, int status, String reason) {
        byte[] body = json.createObjectNode().put("error", reason).toString().getBytes(StandardCharsets.UTF_8);
        try {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            if (status == 405) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
            }
            if (status == 408 || status == 413 || status == 431) {
                // the rest of the request may still be on its way: do not read it, close instead
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            response.write(true, ByteBuffer.wrap(body), callback);
        } catch (RuntimeException e) {
            log.debug("could not send webhook rejection", e);
            callback.failed(e);
        }
    }

    /** Answers what Jetty refuses before any handler runs (headers too large, broken HTTP) in our JSON shape. */
    private final class BadRequestAnswer extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ConnectionGuard.ClientState state = guard.state(request.getConnectionMetaData().getConnection());
            if (state != null && state.phase.get() == ConnectionGuard.ClientState.CUT_OFF) {
                callback.succeeded(); // the deadline already answered 408 and counted it; this is the close echoing
                return true;
            }
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
            String reason = switch (status) {
                case 431 -> "headers too large";
                case 413 -> "body too large";
                case 408 -> "request too slow";
                default -> "bad request";
            };
            listener.countReceived();
            listener.countRejected();
            log.warn("webhook rejected with {}: {} (from {})", status, reason, remote(request));
            answerError(response, callback, status >= 400 && status < 500 ? status : 400, reason);
            return true;
        }
    }

    private static String remote(Request request) {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return "unknown";
    }
}
