package dev.switchboard.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's per-connection bookkeeping: caps on open connections per remote address, and the deadline for a
 * request to arrive whole (a client trickling its headers is cut off with 408, it never holds a thread).
 */
final class ConnectionGuard implements Connection.Listener {

    private static final Logger log = LoggerFactory.getLogger(WebhookListener.class);

    private final WebhookListener.Limits limits;
    private final Runnable onCutOff;
    private final Map<Connection, ClientState> clients = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong closedSlow = new AtomicLong();

    /** @param onCutOff runs for each connection the deadline closed (it counts as a rejected webhook) */
    ConnectionGuard(WebhookListener.Limits limits, Runnable onCutOff) {
        this.limits = limits;
        this.onCutOff = onCutOff;
    }

    ClientState state(Connection connection) {
        return clients.get(connection);
    }

    int openConnections() {
        return clients.size();
    }

    long closedForSlowness() {
        return closedSlow.get();
    }


    /** One open connection. The phase decides, atomically, whether the handler or the deadline got it first. */
    static final class ClientState {
        static final int WAITING = 0;
        static final int HANDLING = 1;
        static final int CUT_OFF = 2;

        final AtomicInteger phase = new AtomicInteger(WAITING);
        final InetAddress address;
        /** When the request now in flight started arriving; 0 when nothing has arrived since the last answer. */
        volatile long requestStartNanos;
        volatile long bytesAtLastAnswer;

        ClientState(InetAddress address, long openedNanos) {
            this.address = address;
            this.requestStartNanos = openedNanos;
        }
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
        ClientState state = new ClientState(address, System.nanoTime());
        clients.put(connection, state);
        int fromThere = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (fromThere > limits.maxPerAddress()) {
            state.phase.set(ClientState.CUT_OFF);
            log.warn("webhook client {} has {} connections open (at most {}): connection closed",
                    describe(address), fromThere - 1, limits.maxPerAddress());
            connection.getEndPoint().close();
        } else if (clients.size() >= limits.maxConnections()) {
            log.warn("webhook listener at its limit of {} open connections: new ones wait",
                    limits.maxConnections());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        ClientState state = clients.remove(connection);
        if (state != null) {
            perAddress.computeIfPresent(state.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Cuts off every connection whose request has been arriving for longer than the deadline. */
    void sweep() {
        long now = System.nanoTime();
        long deadline = limits.requestDeadline().toNanos();
        for (Map.Entry<Connection, ClientState> entry : clients.entrySet()) {
            Connection connection = entry.getKey();
            ClientState state = entry.getValue();
            if (state.phase.get() != ClientState.WAITING) {
                continue; // the handler owns it now and enforces the rest of the deadline itself
            }
            if (state.requestStartNanos == 0) {
                if (connection.getBytesIn() <= state.bytesAtLastAnswer) {
                    continue; // idle keep-alive: the idle timeout looks after it
                }
                state.requestStartNanos = now;
            }
            if (now - state.requestStartNanos > deadline && state.phase.compareAndSet(ClientState.WAITING,
                    ClientState.CUT_OFF)) {
                cutOff(connection, state);
            }
        }
    }

    private void cutOff(Connection connection, ClientState state) {
        closedSlow.incrementAndGet();
        onCutOff.run();
        log.warn("webhook rejected with 408: request not complete within {} ms (from {})",
                limits.requestDeadline().toMillis(), describe(state.address));
        // no handler runs for this connection, so it is ours to write on: a plain 408, then close
        byte[] body = "{\"error\":\"request too slow\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        EndPoint endPoint = connection.getEndPoint();
        try {
            endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()),
                    ByteBuffer.wrap(head), ByteBuffer.wrap(body));
        } catch (RuntimeException e) {
            endPoint.close();
        }
    }

    static InetAddress addressOf(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }

    static String describe(InetAddress address) {
        return address == null ? "unknown" : address.getHostAddress();
    }
}
