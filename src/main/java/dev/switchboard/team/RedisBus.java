package dev.switchboard.team;

import java.util.List;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The team's Redis: a small pool of connections and the few commands team mode uses. Every method may throw
 * Jedis' runtime exceptions when Redis is unreachable; callers decide whether to buffer, retry or report.
 */
public final class RedisBus implements AutoCloseable {

    /** Each call's stream keeps about this many entries ({@code XADD MAXLEN ~}). */
    public static final int DEFAULT_TRIM = 20_000;

    private final HubUrl url;
    private final JedisPooled redis;
    private final int trim;

    public RedisBus(HubUrl url, String clientName, int trim) {
        this.url = url;
        this.trim = trim;
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(16);
        pool.setMaxIdle(16);
        pool.setMaxWait(java.time.Duration.ofSeconds(2));
        pool.setJmxEnabled(false); // the app image has no java.management, and nobody manages this pool over JMX
        this.redis = new JedisPooled(url.address(), url.clientConfig(clientName.replaceAll("[^A-Za-z0-9_.-]", "_")), pool);
    }

    public HubUrl url() {
        return url;
    }

    int trim() {
        return trim;
    }

    Pipeline pipeline() {
        return redis.pipelined();
    }

    XAddParams addParams(int maxLen) {
        return XAddParams.xAddParams().maxLen(maxLen > 0 ? maxLen : trim).approximateTrimming();
    }

    /** Appends an event to a stream, trimmed to about {@link #trim()} entries. */
    StreamEntryID append(String stream, String json) {
        return redis.xadd(stream, XAddParams.xAddParams().maxLen(trim).approximateTrimming(), Map.of(TeamKeys.FIELD, json));
    }

    /** Like {@link #append} with an explicit trim length (the index and the command stream are shorter). */
    StreamEntryID append(String stream, String json, int maxLen) {
        return redis.xadd(stream, XAddParams.xAddParams().maxLen(maxLen).approximateTrimming(), Map.of(TeamKeys.FIELD, json));
    }

    List<StreamEntry> range(String stream, StreamEntryID after, int count) {
        return redis.xrange(stream, after == null ? "-" : "(" + after, "+", count);
    }

    /** Blocks up to {@code blockMillis} for entries after the given ids; empty when none came. */
    List<Map.Entry<String, List<StreamEntry>>> read(Map<String, StreamEntryID> after, int blockMillis, int count) {
        List<Map.Entry<String, List<StreamEntry>>> got = redis.xread(
                XReadParams.xReadParams().block(blockMillis).count(count), after);
        return got == null ? List.of() : got;
    }

    StreamEntryID lastId(String stream) {
        List<StreamEntry> last = redis.xrevrange(stream, "+", "-", 1);
        return last == null || last.isEmpty() ? new StreamEntryID(0, 0) : last.get(0).getID();
    }

    /** {@code SET key value NX PX ms}: true when this caller now holds the key. */
    boolean claim(String key, String value, long millis) {
        return "OK".equals(redis.set(key, value, SetParams.setParams().nx().px(millis)));
    }

    private static final String RENEW = "local v = redis.call('GET', KEYS[1]) "
            + "if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end "
            + "if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end return 0";
    private static final String RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('DEL', KEYS[1]) end return 0";

    /** Extends a lease we hold (or takes it again when it lapsed unclaimed); false when another holder has it. */
    boolean renew(String key, String value, long millis) {
        Object r = redis.eval(RENEW, List.of(key), List.of(value, Long.toString(millis)));
        return r instanceof Long n && n == 1;
    }

    private static final String EXTEND = "if redis.call('GET', KEYS[1]) == ARGV[1] then "
            + "return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

    /** Extends a lease only while we hold it. */
    boolean extend(String key, String value, long millis) {
        Object r = redis.eval(EXTEND, List.of(key), List.of(value, Long.toString(millis)));
        return r instanceof Long n && n == 1;
    }

    /** Deletes a lease only if we hold it. */
    boolean release(String key, String value) {
        Object r = redis.eval(RELEASE, List.of(key), List.of(value));
        return r instanceof Long n && n == 1;
    }

    /** Sets a key unconditionally with an expiry (a driver taking the seat that was free or theirs). */
    void put(String key, String value, long millis) {
        redis.set(key, value, SetParams.setParams().px(millis));
    }

    String get(String key) {
        return redis.get(key);
    }

    Map<String, String> hashAll(String key) {
        return redis.hgetAll(key);
    }

    void hashPut(String key, String field, String value) {
        redis.hset(key, field, value);
    }

    void hashRemove(String key, String field) {
        redis.hdel(key, field);
    }

    void hashRemove(String key, String field, long expireMillis) {
        redis.hdel(key, field);
        redis.pexpire(key, expireMillis);
    }

    /** Pushes a reply and lets it expire if its sender is gone. */
    void reply(String key, String json, long expireMillis) {
        redis.rpush(key, json);
        redis.pexpire(key, expireMillis);
    }

    /** Waits up to {@code seconds} for a reply; null when none came. */
    String awaitReply(String key, double seconds) {
        redis.clients.jedis.util.KeyValue<String, String> got = redis.blpop(seconds, key);
        return got == null ? null : got.getValue();
    }

    void expire(String key, long millis) {
        redis.pexpire(key, millis);
    }

    boolean ping() {
        return "PONG".equals(redis.ping());
    }

    @Override
    public void close() {
        redis.close();
    }
}
