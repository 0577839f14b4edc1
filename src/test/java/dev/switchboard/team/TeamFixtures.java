package dev.switchboard.team;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.TranscriptEntry;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.StreamEntry;

/** What the team tests share: waiting for a condition, a transcript as text, everything Redis holds as text. */
final class TeamFixtures {

    private TeamFixtures() {
    }

    static void await(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** The transcript, one line per entry: kind, speaker, status, text (the times are each process's own). */
    static String transcript(Call call) {
        return call.transcript().stream().map(TeamFixtures::line).collect(Collectors.joining("\n"));
    }

    static String line(TranscriptEntry e) {
        return e.kind() + " " + (e.speaker() == null ? "-" : e.speaker().label()) + " " + e.status() + " " + e.text();
    }

    static List<String> utterances(Call call) {
        return call.transcript().stream().filter(TranscriptEntry::isUtterance).map(TranscriptEntry::text).toList();
    }

    /** Every key and value in Redis, streams and hashes and lists included. */
    static String everythingIn(Jedis redis) {
        StringBuilder all = new StringBuilder();
        Set<String> keys = redis.keys("*");
        for (String key : keys) {
            all.append(key).append('\n');
            switch (redis.type(key)) {
                case "stream" -> {
                    for (StreamEntry e : redis.xrange(key, "-", "+")) {
                        all.append(e.getFields()).append('\n');
                    }
                }
                case "hash" -> all.append(redis.hgetAll(key)).append('\n');
                case "list" -> all.append(redis.lrange(key, 0, -1)).append('\n');
                case "string" -> all.append(redis.get(key)).append('\n');
                default -> all.append("(").append(redis.type(key)).append(")\n");
            }
        }
        return all.toString();
    }
}
