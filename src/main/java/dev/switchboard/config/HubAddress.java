package dev.switchboard.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a team's Redis is: {@code redis://[user:password@]host:port[/db]}, or {@code rediss://…} for TLS. The rules
 * of {@code --hub}, {@code --attach} and Settings → Team hub alike. {@link #toString()} never shows the password;
 * {@link #toUrl()} does (for the owner-only settings file, never for display).
 */
public record HubAddress(boolean tls, String user, String password, String host, int port, int database) {

    public static final int DEFAULT_PORT = 6379;

    /** @throws IllegalArgumentException with a one-line reason */
    public static HubAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the team hub URL is empty (expected redis://host:port)");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the team hub URL is not a URL (expected redis://host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("the team hub URL must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the team hub URL has no host (expected redis://host:port)");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            String u = colon < 0 ? "" : decode(info.substring(0, colon));
            password = decode(colon < 0 ? info : info.substring(colon + 1));
            user = u.isEmpty() ? null : u;
        }
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (!path.isEmpty()) {
            try {
                database = Integer.parseInt(path);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the team hub URL's database must be a number, e.g. redis://host:6379/0");
            }
            if (database < 0) {
                throw new IllegalArgumentException("the team hub URL's database must not be negative");
            }
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new HubAddress(scheme.equals("rediss"), user, password, uri.getHost(), port, database);
    }

    /** The one-line reason {@code text} is not a hub URL, or empty when it is one. */
    public static String problem(String text) {
        try {
            parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** What {@link #toString()} shows for a password; typed back in a URL it stands for the password kept aside. */
    public static final String MASK = "***";

    public HubAddress withPassword(String newPassword) {
        return new HubAddress(tls, user, newPassword == null || newPassword.isEmpty() ? null : newPassword, host, port,
                database);
    }

    /** Whether the password is the mask (a URL as shown, not as typed). */
    public boolean passwordMasked() {
        return MASK.equals(password);
    }

    /** The full URL, password included: for the owner-only settings file only. */
    public String toUrl() {
        return scheme() + (password == null ? "" : encodeUser() + ":" + encode(password) + "@") + hostPart()
                + ":" + port + (database == 0 ? "" : "/" + database);
    }

    private String encodeUser() {
        return user == null ? "" : encode(user);
    }

    private String scheme() {
        return tls ? "rediss://" : "redis://";
    }

    private String hostPart() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return scheme() + (password == null ? "" : (user == null ? "" : encodeUser()) + ":" + MASK + "@") + hostPart() + ":" + port
                + (database == 0 ? "" : "/" + database);
    }
}
