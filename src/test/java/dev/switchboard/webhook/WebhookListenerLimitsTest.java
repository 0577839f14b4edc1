package dev.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What no client may do to the listener: trickle, flood headers, hold every connection. */
class WebhookListenerLimitsTest {

    private static final Duration DEADLINE = Duration.ofMillis(1500);
    private final WebhookVector vector = WebhookVector.load();
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(vector.timestamp()));
    private final BlockingQueue<IncomingCall> calls = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new ArrayList<>();
    private WebhookListener listener;

    private WebhookListener start(WebhookListener.Limits limits, IncomingCallJournal journal) throws IOException {
        listener = new WebhookListener("127.0.0.1", 0, vector.signer(), clock, journal, calls::add, limits);
        listener.start();
        return listener;
    }

    private WebhookListener start() throws IOException {
        return start(WebhookListener.Limits.DEFAULT.withRequestDeadline(DEADLINE), IncomingCallJournal.NONE);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (listener != null) {
            listener.stop();
        }
    }

    @Test
    void headersTrickledOneByteAtATimeAreCutOffAtTheDeadlineWith408() throws Exception {
        start();
        Socket socket = connect("127.0.0.1");
        OutputStream out = socket.getOutputStream();
        byte[] request = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                .getBytes(StandardCharsets.US_ASCII);
        long started = System.nanoTime();
        String answer = null;
        for (byte b : request) {
            try {
                out.write(b);
                out.flush();
            } catch (SocketException e) {
                break; // closed under us: the answer, if any, is waiting to be read
            }
            if (socket.getInputStream().available() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        answer = readAll(socket);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("{\"error\":\"request too slow\"}"), answer);
        assertTrue(tookMs >= DEADLINE.toMillis() - 100 && tookMs < DEADLINE.toMillis() + 3000, "cut off after " + tookMs + " ms");
        assertEquals(1, listener.closedForSlowness());
        assertEquals(1, listener.rejected());
    }

    @Test
    void aBodyTrickledPastTheDeadlineIsAnswered408() throws Exception {
        start();
        Socket socket = connect("127.0.0.1");
        OutputStream out = socket.getOutputStream();
        out.write(("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (int i = 0; i < 40 && socket.getInputStream().available() == 0; i++) {
            try {
                out.write(' ');
                out.flush();
            } catch (SocketException e) {
                break;
            }
            Thread.sleep(100);
        }
        String answer = readAll(socket);
        assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
        assertTrue(answer.contains("{\"error\":\"request too slow\"}"), answer);
    }

    @Test
    void oversizedHeadersAreAnswered431InJson() throws Exception {
        start();
        Socket socket = connect("127.0.0.1");
        socket.getOutputStream().write(("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                + "a".repeat(WebhookListener.Limits.DEFAULT.maxHeaderBytes() + 10) + "\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer = readAll(socket);
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertTrue(answer.contains("{\"error\":\"headers too large\"}"), answer);
        assertEquals(1, listener.rejected());
    }

    @Test
    void connectionsBeyondThePerAddressCapAreClosedAtOnceWhileOthersAreServed() throws Exception {
        start(WebhookListener.Limits.DEFAULT.withRequestDeadline(Duration.ofSeconds(20)).withConnections(50, 3),
                IncomingCallJournal.NONE);
        for (int i = 0; i < 3; i++) {
            connect("127.0.0.2").getOutputStream().write('P'); // held open, half a request
        }
        // connect() returns once the kernel accepted; wait until the listener has opened all three itself
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.openConnections() < 3 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(3, listener.openConnections());
        Socket extra = connect("127.0.0.2");
        extra.getOutputStream().write('P');
        assertEquals(-1, readOrEof(extra), "the fourth connection from one address is closed");
        // another address is not affected
        assertEquals(200, SlowClients.postSigned(listener.port(), vector.signer(), clock.instant().getEpochSecond(), "wh_other_addr", "127.0.0.3"));
    }

    @Test
    void slowClientsDoNotStopSignedWebhooks() throws Exception {
        start();
        int slow = 20;
        ExecutorService pool = Executors.newFixedThreadPool(slow);
        try {
            List<Future<String>> trickles = new ArrayList<>();
            for (int i = 0; i < slow; i++) {
                String from = "127.0.1." + (i + 1);
                trickles.add(pool.submit(() -> SlowClients.trickleHeaders(listener.port(), from, 200, 60)));
            }
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                assertEquals(200, SlowClients.postSigned(listener.port(), vector.signer(), clock.instant().getEpochSecond(), "wh_fast_" + i, "127.0.0.1"));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 2000, "a signed webhook waited " + ms + " ms behind slow clients");
            }
            for (int i = 0; i < 10; i++) {
                assertTrue(calls.poll(5, TimeUnit.SECONDS) != null, "call " + i + " handed on");
            }
            for (Future<String> trickle : trickles) {
                assertTrue(trickle.get(30, TimeUnit.SECONDS).startsWith("HTTP/1.1 408"), "slow client closed with 408");
            }
            assertEquals(slow, listener.closedForSlowness());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJournalFailureIsA503AndTheCallIsNotHandedOn() throws Exception {
        boolean[] fail = {true};
        start(WebhookListener.Limits.DEFAULT, (call, at) -> {
            if (fail[0]) {
                throw new IOException("disk full");
            }
        });
        assertEquals(503, SlowClients.postSigned(listener.port(), vector.signer(), clock.instant().getEpochSecond(), "wh_journal", "127.0.0.1"));
        assertEquals(null, calls.poll(300, TimeUnit.MILLISECONDS));
        fail[0] = false;
        // the same delivery again: not taken for a replay, since it was never acknowledged
        assertEquals(200, SlowClients.postSigned(listener.port(), vector.signer(), clock.instant().getEpochSecond(), "wh_journal", "127.0.0.1"));
        assertEquals("wh_journal", calls.poll(5, TimeUnit.SECONDS).webhookId());
    }

    @Test
    void theJournalRunsBeforeTheAnswer() throws Exception {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(WebhookListener.Limits.DEFAULT, (call, at) -> {
            Thread.sleep(300);
            order.add("journal " + call.callId());
        });
        assertEquals(200, SlowClients.postSigned(listener.port(), vector.signer(), clock.instant().getEpochSecond(), "wh_order", "127.0.0.1"));
        order.add("answered");
        assertEquals(List.of("journal rtc_wh_order", "answered"), order);
    }

    @Test
    void requestThreadsAreNamedLikeTheRest() throws Exception {
        start();
        assertEquals(200, SlowClients.postSigned(listener.port(), vector.signer(), clock.instant().getEpochSecond(), "wh_threads", "127.0.0.1"));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().matches("webhook-http-\\d+") && t.isDaemon()));
    }

    // --- helpers ---

    private Socket connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", listener.port()), 5000);
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private static String readAll(Socket socket) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[4096];
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // whatever arrived is the answer
        }
        return buffer.toString(StandardCharsets.US_ASCII);
    }

    private static int readOrEof(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException e) {
            return -1; // reset counts as closed
        }
    }
}
