package dev.switchboard.team;

import dev.switchboard.config.HubAddress;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;

/**
 * Where the team's Redis is: {@code redis://[user:password@]host:port[/db]} or {@code rediss://…} for TLS.
 * {@link #toString()} never shows the password.
 */
public record HubUrl(boolean tls, String user, String password, String host, int port, int database) {

    public static final int DEFAULT_PORT = HubAddress.DEFAULT_PORT;

    /** @throws IllegalArgumentException with a one-line reason ({@link HubAddress#parse(String)}'s rules) */
    public static HubUrl parse(String text) {
        return of(HubAddress.parse(text));
    }

    public static HubUrl of(HubAddress a) {
        return new HubUrl(a.tls(), a.user(), a.password(), a.host(), a.port(), a.database());
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
        return new HubAddress(tls, user, password, host, port, database).toString();
    }
}
