package dev.switchboard.team;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/**
 * Where the team's Redis is: {@code redis://[user:password@]host:port[/db]} or {@code rediss://…} for TLS.
 * {@link #toString()} never shows the password.
 */
public record HubUrl(boolean tls, String user, String password, String host, int port, int database) {

    public static final int DEFAULT_PORT = 6379;

    /** @throws IllegalArgumentException with a one-line reason */
    public static HubUrl parse(String text) {
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
        return new HubUrl(scheme.equals("rediss"), user, password, uri.getHost(), port, database);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    HostAndPort address() {
        return new HostAndPort(host, port);
    }

    DefaultJedisClientConfig clientConfig(String clientName) {
        return DefaultJedisClientConfig.builder()
                .ssl(tls)
                .user(user)
                .password(password)
                .database(database)
                .clientName(clientName)
                .connectionTimeoutMillis(1000)
                // above every blocking read we use (XREAD 1 s, a reply 5 s), so none is cut by its own socket
                .socketTimeoutMillis(7000)
                .build();
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + (password == null ? "" : (user == null ? "" : user) + ":***@")
                + host + ":" + port + (database == 0 ? "" : "/" + database);
    }
}
