package dev.switchboard.team;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallChange;
import dev.switchboard.call.CallState;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.monitor.EventApplier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.Jedis;

/**
 * 50 live calls on a hub, 10 desks on loopback, a real redis-server: how long from the hub applying a frame to each
 * desk having applied it (p50/p99/max), and how much Redis memory a call's stream takes once it is past the trim
 * length. Not part of {@code mvn verify}:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.switchboard.team.TeamBench}
 */
public final class TeamBench {

    static final int CALLS = 50;
    static final int DESKS = Integer.getInteger("desks", 10);
    static final int EVENTS_PER_CALL_PER_SECOND = 20;
    static final int SECONDS = 12;
    static final int WARMUP_SECONDS = 2;
    static final int TRIM = 1000;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("team-bench");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (RedisServer redis = RedisServer.start(dir)) {
            RedisBus hubBus = new RedisBus(redis.hubUrl(), "bench-hub", TRIM);
            OutBuffer out = new OutBuffer(hubBus, 200_000, r -> { });
            Clock clock = Clock.systemUTC();
            List<TeamWatcher> desks = new ArrayList<>();
            long warmEnd = System.nanoTime() + (long) WARMUP_SECONDS * 1_000_000_000L;
            for (int d = 0; d < DESKS; d++) {
                TeamWatcher desk = new TeamWatcher(new RedisBus(redis.hubUrl(), "bench-desk-" + d, TRIM), "desk" + d,
                        clock, null).start();
                desk.calls().onAdded(call -> call.addListener((c, change) -> {
                    if (change != CallChange.EVENTS) {
                        return;
                    }
                    long now = System.nanoTime();
                    List<RawEvent> last = c.eventsSince(c.eventCount() - 1);
                    if (last.isEmpty()) {
                        return;
                    }
                    String json = last.get(0).json();
                    int at = json.indexOf("\"event_id\":\"");
                    if (at < 0 || now < warmEnd) {
                        return;
                    }
                    String id = json.substring(at + 12, json.indexOf('"', at + 12));
                    Long sent = sentAt.get(id);
                    if (sent != null) {
                        latencies.add(now - sent);
                    }
                }));
                desks.add(desk);
            }
            List<Call> calls = new ArrayList<>();
            List<EventApplier> appliers = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                Call call = new Call("rtc_bench_" + i, List.of(new SipHeader("From", "<sip:+1555000" + i + "@x>")), clock);
                call.moveTo(CallState.ACCEPTING, "");
                call.moveTo(CallState.ACTIVE, "");
                CallTap.fresh(call, "bench-hub", out, () -> { });
                out.add(OutBuffer.Item.append(TeamKeys.INDEX, "{\"t\":\"call\",\"id\":\"" + call.id() + "\"}", 10_000));
                calls.add(call);
                appliers.add(new EventApplier(call, clock));
            }
            long periodNanos = 1_000_000_000L / EVENTS_PER_CALL_PER_SECOND;
            long start = System.nanoTime();
            int ticks = (WARMUP_SECONDS + SECONDS) * EVENTS_PER_CALL_PER_SECOND;
            for (int t = 0; t < ticks; t++) {
                long due = start + t * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                for (int i = 0; i < CALLS; i++) {
                    String id = "ev_" + i + "_" + t;
                    String frame = "{\"type\":\"response.output_audio_transcript.delta\",\"event_id\":\"" + id
                            + "\",\"response_id\":\"resp_" + (t / 40) + "\",\"item_id\":\"item_" + (t / 40)
                            + "\",\"delta\":\"word" + t + " \"}";
                    sentAt.put(id, System.nanoTime());
                    appliers.get(i).apply(frame);
                }
            }
            out.awaitDrained(30_000);
            Thread.sleep(1000);
            List<Long> sorted;
            synchronized (latencies) {
                sorted = new ArrayList<>(latencies);
            }
            Collections.sort(sorted);
            int expected = CALLS * DESKS * SECONDS * EVENTS_PER_CALL_PER_SECOND;
            System.out.printf(Locale.ROOT, "hub event -> desk applied: %d samples (expected ~%d), p50 %.2f ms, p90 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms%n", sorted.size(), expected, pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), pct(sorted, 100));
            try (Jedis j = redis.client()) {
                long len = j.xlen(TeamKeys.stream("rtc_bench_0"));
                Long bytes = j.memoryUsage(TeamKeys.stream("rtc_bench_0"), 0);
                // push one call far past its trim length: its memory must stay where it was
                for (int t = ticks; t < ticks + 10 * TRIM; t++) {
                    appliers.get(0).apply("{\"type\":\"response.output_audio_transcript.delta\",\"event_id\":\"x" + t
                            + "\",\"response_id\":\"resp_x\",\"item_id\":\"item_x\",\"delta\":\"word" + t + " \"}");
                }
                out.awaitDrained(30_000);
                long lenAfter = j.xlen(TeamKeys.stream("rtc_bench_0"));
                Long bytesAfter = j.memoryUsage(TeamKeys.stream("rtc_bench_0"), 0);
                System.out.printf(Locale.ROOT, "stream of one call (trim %d): %d entries = %d KiB; after %d more: %d entries"
                                + " = %d KiB%n", TRIM, len, bytes / 1024, 10 * TRIM, lenAfter, bytesAfter / 1024);
            }
            desks.forEach(TeamWatcher::close);
            out.close();
            hubBus.close();
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
