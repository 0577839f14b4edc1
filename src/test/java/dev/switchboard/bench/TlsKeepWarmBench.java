package dev.switchboard.bench;

import dev.switchboard.webhook.WebhookSecret;
import dev.switchboard.webhook.WebhookSignature;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The first accept after start against a TLS peer far away: an HTTPS peer on loopback (a self-signed certificate
 * made for this run with keytool; only the child JVM under test trusts it, through its own trust store) behind a
 * loopback proxy that holds every chunk 20 ms in each direction, so each round trip costs 40 ms more, as to a far
 * host. Fresh {@code packaging/switchboard --headless} processes, with keep-warm on (the default) and off, in turn;
 * each is idle for a second, then gets one signed webhook. The proxy counts the connections opened: when the accept
 * arrives on a connection that was open before the webhook, it paid no TCP or TLS handshake.
 *
 * <p>Run: {@code bench/run.sh TlsKeepWarmBench [runs] [delay ms one way]} (defaults 5 and 20), after
 * {@code mvn package}.
 */
public final class TlsKeepWarmBench {

    private static final Map<String, CompletableFuture<Integer>> acceptConnections = new ConcurrentHashMap<>();
    private static final Map<String, Long> acceptNanos = new ConcurrentHashMap<>();
    private static final OkHttpClient sender = new OkHttpClient();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int delayMillis = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("switchboard-tls-");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        exec(keytool, "-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", dir.resolve("peer.p12").toString(), "-storepass", "changeit");
        exec(keytool, "-exportcert", "-alias", "peer", "-keystore", dir.resolve("peer.p12").toString(),
                "-storepass", "changeit", "-file", dir.resolve("peer.cer").toString());
        exec(keytool, "-importcert", "-noprompt", "-alias", "peer", "-file", dir.resolve("peer.cer").toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString(), "-storepass", "changeit");

        DelayProxy proxy = new DelayProxy(delayMillis);
        MockWebServer peer = new MockWebServer();
        peer.useHttps(serverContext(dir.resolve("peer.p12")).getSocketFactory(), false);
        peer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/v1/realtime/calls/") && path.endsWith("/accept")) {
                    String callId = path.substring("/v1/realtime/calls/".length(), path.length() - "/accept".length());
                    acceptNanos.put(callId, System.nanoTime());
                    acceptConnections.computeIfAbsent(callId, id -> new CompletableFuture<>())
                            .complete(proxy.opened.get());
                    return new MockResponse().setResponseCode(200);
                }
                if (path.startsWith("/v1/realtime?call_id=")) {
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket ws, Response response) {
                            ws.close(1000, "call ended");
                        }
                    });
                }
                return new MockResponse().setResponseCode(200).setBody("{\"object\":\"list\",\"data\":[]}");
            }
        });
        peer.start(InetAddress.getLoopbackAddress(), 0);
        proxy.start(peer.getPort());

        String secret = WebhookSecret.generate();
        WebhookSignature signature = new WebhookSignature(WebhookSecret.parse(secret));
        String[][] variants = {{"keep-warm on", ""}, {"keep-warm off", "-Dswitchboard.keepWarm=false"}};
        List<List<Long>> first = List.of(new ArrayList<>(), new ArrayList<>());
        int[] reused = new int[2];
        System.out.printf("first accept through a TLS peer %d ms away each way (+%d ms per round trip), %d runs%n",
                delayMillis, 2 * delayMillis, runs);
        for (int run = 1; run <= runs; run++) {
            for (int k = 0; k < 2; k++) {
                int v = (k + run) % 2;
                int port;
                try (ServerSocket probe = new ServerSocket(0)) {
                    port = probe.getLocalPort();
                }
                ProcessBuilder builder = new ProcessBuilder("sh", Path.of("packaging/switchboard").toAbsolutePath()
                        .toString(), "--headless", "--port", Integer.toString(port), "--data-dir",
                        Files.createTempDirectory(dir, "data").toString(),
                        "--base-url", "https://127.0.0.1:" + proxy.port() + "/v1")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
                builder.environment().put("OPENAI_API_KEY", "sk-bench-0123456789abcdef");
                builder.environment().put("OPENAI_WEBHOOK_SECRET", secret);
                // only this child trusts the run's certificate
                builder.environment().put("JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + dir.resolve("trust.p12")
                        + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12 "
                        + variants[v][1]);
                Process child = builder.start();
                try {
                    awaitPort(port, child);
                    Thread.sleep(1000);
                    String callId = "rtc_tls" + run + "_" + v;
                    CompletableFuture<Integer> accepted = acceptConnections.computeIfAbsent(callId,
                            id -> new CompletableFuture<>());
                    int openBefore = proxy.opened.get();
                    byte[] body = ColdStartBench.webhookBody(callId);
                    long ts = System.currentTimeMillis() / 1000;
                    Request request = new Request.Builder().url("http://127.0.0.1:" + port + "/webhook")
                            .header("webhook-id", "wh_" + callId).header("webhook-timestamp", Long.toString(ts))
                            .header("webhook-signature", signature.sign("wh_" + callId, ts, body))
                            .post(RequestBody.create(body, MediaType.get("application/json"))).build();
                    long sent = System.nanoTime();
                    try (Response response = sender.newCall(request).execute()) {
                        response.body().string();
                    }
                    int openAtAccept = accepted.get(30, TimeUnit.SECONDS);
                    long latency = acceptNanos.get(callId) - sent;
                    boolean noHandshake = openAtAccept == openBefore && openBefore > 0;
                    first.get(v).add(latency);
                    if (noHandshake) {
                        reused[v]++;
                    }
                    System.out.printf("  run %d %-13s first accept %6.1f ms, %s%n", run, variants[v][0],
                            ColdStartBench.ms(latency), noHandshake ? "on the connection opened at start"
                                    : "on a new connection (TCP + TLS handshake first)");
                } finally {
                    child.destroy();
                    if (!child.waitFor(20, TimeUnit.SECONDS)) {
                        child.destroyForcibly();
                    }
                }
            }
        }
        System.out.println();
        System.out.println("| | first accept, median | max | accepts with no new handshake |");
        System.out.println("|---|---|---|---|");
        for (int v = 0; v < 2; v++) {
            System.out.printf("| %s | %.1f ms | %.1f ms | %d of %d |%n", variants[v][0],
                    ColdStartBench.ms(ColdStartBench.percentile(first.get(v), 50)),
                    ColdStartBench.ms(ColdStartBench.percentile(first.get(v), 100)), reused[v], runs);
        }
        peer.shutdown();
        System.exit(0);
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + Arrays.toString(command));
        }
    }

    private static void awaitPort(int port, Process child) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (!child.isAlive()) {
                throw new IllegalStateException("Switchboard exited with " + child.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("Switchboard did not listen within 60 s");
    }

    /** A loopback TCP proxy that delivers every chunk {@code delay} ms after it was read, in order, both ways. */
    static final class DelayProxy {
        final AtomicInteger opened = new AtomicInteger();
        private final int delayMillis;
        private ServerSocket server;

        DelayProxy(int delayMillis) {
            this.delayMillis = delayMillis;
        }

        int port() {
            return server.getLocalPort();
        }

        void start(int targetPort) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(() -> {
                while (true) {
                    try {
                        Socket client = server.accept();
                        opened.incrementAndGet();
                        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        client.setTcpNoDelay(true);
                        upstream.setTcpNoDelay(true);
                        pump(client, upstream);
                        pump(upstream, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void pump(Socket from, Socket to) {
            LinkedBlockingQueue<Object[]> chunks = new LinkedBlockingQueue<>();
            daemon(() -> {
                byte[] buffer = new byte[16 * 1024];
                try {
                    InputStream in = from.getInputStream(); // not closed here: that would close both directions
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        chunks.add(new Object[] {System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis),
                                Arrays.copyOf(buffer, n)});
                    }
                } catch (IOException e) {
                    // closed
                }
                chunks.add(new Object[] {0L, null});
            });
            daemon(() -> {
                try {
                    OutputStream out = to.getOutputStream();
                    while (true) {
                        Object[] chunk = chunks.take();
                        if (chunk[1] == null) {
                            to.shutdownOutput();
                            return;
                        }
                        long wait = (long) chunk[0] - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait); // the simulated distance
                        }
                        out.write((byte[]) chunk[1]);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // closed
                }
            });
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "delay-proxy");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
