package dev.switchboard.team;

import static dev.switchboard.team.TeamFixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.CallState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

/** Whatever someone writes into the streams, a desk keeps watching; and hub URLs parse or say why not. */
class HostileStreamTest {

    @TempDir
    Path dir;

    @Test
    void badEntriesAreSkippedAndTheDeskGoesOn() throws Exception {
        try (RedisServer redis = RedisServer.start(dir);
             Jedis j = redis.client();
             TeamWatcher desk = TeamDesk.watch(redis.hubUrl(), "desk", null)) {
            j.xadd(TeamKeys.INDEX, Map.of("e", "not json"), XAddParams.xAddParams());
            j.xadd(TeamKeys.INDEX, Map.of("x", "no e field"), XAddParams.xAddParams());
            j.xadd(TeamKeys.INDEX, Map.of("e", "{\"t\":\"call\",\"id\":\"../../etc/passwd\"}"),
                    XAddParams.xAddParams());
            j.xadd(TeamKeys.INDEX, Map.of("e", "[1,2,3]"), XAddParams.xAddParams());
            j.xadd(TeamKeys.INDEX, Map.of("e", "{\"t\":\"call\",\"id\":\"rtc_evil\"}"),
                    XAddParams.xAddParams());
            String[] evil = {
                    "{\"t\":\"state\",\"state\":\"BOGUS\"}",
                    "{\"t\":\"in\",\"frame\":\"{not json\"}",
                    "{\"t\":\"in\",\"frame\":42}",
                    "{\"t\":\"in\",\"frame\":\"{\\\"type\\\":\\\"response.output_audio_transcript.delta\\\"}\"}",
                    "{\"t\":\"settings\",\"turn_detection\":\"NOPE\",\"voice\":[1]}",
                    "{\"t\":\"note\"}",
                    "{\"t\":\"unheard-of\"}",
                    "{\"t\":\"tool\",\"id\":\"call_1\",\"status\":\"NOPE\"}",
                    "{\"t\":\"tool\",\"status\":\"ANSWERED\"}",
                    "{\"t\":\"tool\",\"id\":\"call_unknown\",\"status\":\"ANSWERED\",\"output\":[1]}",
                    "{\"t\":\"state\",\"state\":\"ENDED\",\"reason\":{\"deep\":[[[[]]]]}}",
                    "{\"t\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            };
            for (String e : evil) {
                j.xadd(TeamKeys.stream("rtc_evil"), Map.of("e", e), XAddParams.xAddParams());
            }
            // then an honest call: the desk must still follow it
            j.xadd(TeamKeys.INDEX, Map.of("e", "{\"t\":\"call\",\"id\":\"rtc_ok\"}"),
                    XAddParams.xAddParams());
            j.xadd(TeamKeys.stream("rtc_ok"), Map.of("e", "{\"t\":\"started\",\"hub\":\"h\",\"sip\":[[\"From\",\"<sip:+15550001111@x>\"]]}"),
                    XAddParams.xAddParams());
            j.xadd(TeamKeys.stream("rtc_ok"), Map.of("e", "{\"t\":\"state\",\"state\":\"ACCEPTING\",\"reason\":\"\"}"),
                    XAddParams.xAddParams());
            j.xadd(TeamKeys.stream("rtc_ok"), Map.of("e", "{\"t\":\"state\",\"state\":\"ACTIVE\",\"reason\":\"\"}"),
                    XAddParams.xAddParams());
            await("the honest call", 10_000, () -> desk.calls().find("rtc_ok")
                    .map(c -> c.state() == CallState.ACTIVE).orElse(false));
            assertTrue(desk.entriesSkipped() >= 5, "skipped " + desk.entriesSkipped());
            assertFalse(desk.calls().find("../../etc/passwd").isPresent());
            assertTrue(desk.connected());
        }
    }

    @Test
    void hubUrlsParseOrSayWhy() {
        HubUrl plain = HubUrl.parse("redis://127.0.0.1:6380");
        assertEquals("127.0.0.1", plain.host());
        assertEquals(6380, plain.port());
        HubUrl full = HubUrl.parse("rediss://ops:s3cr%40t@redis.example:6390/2");
        assertTrue(full.tls());
        assertEquals("ops", full.user());
        assertEquals("s3cr@t", full.password());
        assertEquals(2, full.database());
        assertFalse(full.toString().contains("s3cr"), full.toString());
        assertEquals(6379, HubUrl.parse("redis://h").port());
        assertThrows(IllegalArgumentException.class, () -> HubUrl.parse("http://h:1"));
        assertThrows(IllegalArgumentException.class, () -> HubUrl.parse("redis://h:1/x"));
        assertThrows(IllegalArgumentException.class, () -> HubUrl.parse(""));
    }
}
