package dev.switchboard.sim;

import dev.switchboard.util.Threads;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's embedded Jetty (core, no servlets): the Calls REST API and the sideband WebSocket on one
 * loopback port, as the app derives the socket URL from the REST base URL.
 */
final class SimServer {

    private static final Logger log = LoggerFactory.getLogger(SimServer.class);

    private static final int MAX_THREADS = 16; // a few clients at most; bounded so a runaway client cannot grow it
    private static final int MIN_THREADS = 2;
    private static final int THREAD_IDLE_MS = 30_000;
    /** OpenAI keeps a sideband socket for the whole session (at most 60 minutes), quiet or not. */
    private static final Duration SOCKET_IDLE_TIMEOUT = Duration.ofMinutes(61);
    private static final long MAX_CLIENT_MESSAGE = 16L * 1024 * 1024;

    private final Simulator sim;
    private final CallsApi api;
    private final Server server;
    private final ServerConnector connector;

    SimServer(Simulator sim) {
        this.sim = sim;
        this.api = new CallsApi(sim);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MS, -1, null, null,
                Threads.daemon("switchboard-sim-http"));
        threads.setName("switchboard-sim-http");
        server = new Server(threads, new ScheduledExecutorScheduler("switchboard-sim-timer", true), null);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // OpenAI's API names no server; neither does its stand-in
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(SOCKET_IDLE_TIMEOUT);
            container.setMaxTextMessageSize(MAX_CLIENT_MESSAGE);
            container.addMapping(CallsApi.SOCKET_PATH, this::upgrade);
        });
        sockets.setHandler(api); // everything that is not a socket upgrade
        server.setHandler(sockets);
        server.setStopTimeout(0); // no graceful wait for idle keep-alive clients: close() drops the sockets first
    }

    void start() throws Exception {
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        server.stop();
    }

    /** Checks the upgrade like the REST API checks its calls; a refused upgrade gets OpenAI's error body. */
    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response,
                           org.eclipse.jetty.util.Callback callback) {
        String line = request.getMethod() + " " + request.getHttpURI().getPathQuery();
        try {
            String callId = sim.callOnScheduler(() -> api.checkSocket(request));
            sim.logRequest(line + " 101");
            return new Endpoint(sim, callId);
        } catch (RuntimeException e) {
            ApiError error = e instanceof ApiError refused ? refused : failed(line, e);
            sim.logRequest(line + " " + error.status);
            CallsApi.write(error, response, callback);
            return null;
        }
    }

    private static ApiError failed(String line, RuntimeException e) {
        log.warn("Simulator failed on {}", line, e);
        return new ApiError(500, "The simulator failed: " + e, "server_error", null, null);
    }

    /**
     * Forwards one socket's callbacks to its call's {@link SimSocket}, on the scheduler thread. Public only because
     * Jetty invokes endpoints through public method handles.
     */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final Simulator sim;
        private final String callId;
        private volatile Session session;

        Endpoint(Simulator sim, String callId) {
            this.sim = sim;
            this.callId = callId;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
            forward(socket -> socket.connected(opened));
        }

        @Override
        public void onWebSocketText(String text) {
            Session current = session;
            forward(socket -> socket.clientText(current, text));
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            callback.succeed();
            Session current = session;
            forward(socket -> socket.clientBinary(current));
        }

        @Override
        public void onWebSocketClose(int code, String reason, Callback callback) {
            Session current = session;
            forward(socket -> socket.disconnected(current));
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            Session current = session;
            if (current != null) {
                forward(socket -> socket.disconnected(current));
            }
        }

        private void forward(Consumer<SimSocket> action) {
            Session current = session;
            boolean queued = sim.onSchedulerLater(() -> {
                SimSocket socket = sim.socketOf(callId);
                if (socket != null) {
                    action.accept(socket);
                } else if (current.isOpen()) {
                    current.close(1000, "call ended", Callback.NOOP);
                }
            });
            if (!queued && current != null) {
                current.disconnect(); // the simulator is closing
            }
        }
    }
}
