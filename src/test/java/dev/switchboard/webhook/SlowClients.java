package dev.switchboard.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Raw-socket clients for the listener's limits: they bind a chosen loopback source address (all of 127/8 is
 * loopback on Linux), which an HTTP client library cannot.
 */
public final class SlowClients {
    private SlowClients() {
    }

    /** Posts a signed incoming call {@code rtc_<webhookId>} from {@code from}; returns the status code. */
    public static int postSigned(int port, WebhookSignature signer, long nowSeconds, String webhookId, String from)
            throws IOException {
        byte[] body = ("{\"id\":\"evt_" + webhookId + "\",\"type\":\"realtime.call.incoming\",\"data\":{\"call_id\":\"rtc_"
                + webhookId + "\",\"sip_headers\":[{\"name\":\"From\",\"value\":\"<sip:+15551230001@pstn.example>\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nwebhook-id: " + webhookId + "\r\nwebhook-timestamp: " + nowSeconds
                + "\r\nwebhook-signature: " + signer.sign(webhookId, nowSeconds, body)
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = open(port, from, 10_000)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            if (!status.startsWith("HTTP/1.1 ")) {
                throw new IOException("no HTTP answer: '" + status + "'");
            }
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /**
     * Sends request headers one byte every {@code intervalMs} (never finishing) until the server closes; returns
     * what it answered (empty when it closed without a word).
     */
    public static String trickleHeaders(int port, String from, long intervalMs, int maxBytes) throws Exception {
        byte[] request = ("POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: " + "a".repeat(maxBytes))
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = open(port, from, 30_000)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < Math.min(maxBytes, request.length) && in.available() == 0; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                } catch (SocketException e) {
                    break;
                }
                Thread.sleep(intervalMs);
            }
            try {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (SocketTimeoutException | SocketException e) {
                return "";
            }
        }
    }

    static Socket open(int port, String from, int timeoutMs) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
        socket.setSoTimeout(timeoutMs);
        return socket;
    }
}
