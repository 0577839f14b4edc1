package dev.switchboard.store;

import dev.switchboard.history.CallSummary;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StoredCall;
import dev.switchboard.history.StateChange;
import dev.switchboard.history.ProfileRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.ManualClock;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheCurrentSchemaInWalMode() throws Exception {
        try (HistoryStore store = HistoryStore.openIn(dir.resolve("data"))) {
            assertEquals(0, store.openedAtVersion());
            assertEquals(HistoryStore.latestSchemaVersion(), store.schemaVersion());
            assertEquals(dir.resolve("data").resolve("switchboard.db"), store.file());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/switchboard.db"));
             Statement s = c.createStatement()) {
            assertEquals("wal", scalar(s, "PRAGMA journal_mode"));
            Set<String> names = new HashSet<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : List.of("calls", "state_changes", "utterances", "events", "milestones", "usage",
                    "utterances_fts", "profiles", "profile_versions", "routing_rules")) {
                assertTrue(names.contains(table), table + " in " + names);
            }
        }
        // reopening changes nothing
        try (HistoryStore store = HistoryStore.openIn(dir.resolve("data"))) {
            assertEquals(HistoryStore.latestSchemaVersion(), store.openedAtVersion());
        }
    }

    @Test
    void migratesAVersion1DatabaseKeepingItsCalls() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // the schema as Switchboard's first history release wrote it, by hand
            s.execute("CREATE TABLE calls (id TEXT PRIMARY KEY, caller_name TEXT NOT NULL DEFAULT '',"
                    + " caller_number TEXT NOT NULL DEFAULT '', callee_number TEXT NOT NULL DEFAULT '',"
                    + " sip_headers TEXT NOT NULL DEFAULT '[]', started_ns INTEGER NOT NULL, ended_ns INTEGER,"
                    + " state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', settings_json TEXT)");
            s.execute("CREATE INDEX calls_started ON calls(started_ns)");
            s.execute("CREATE TABLE state_changes (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,"
                    + " seq INTEGER NOT NULL, state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',"
                    + " at_ns INTEGER NOT NULL, PRIMARY KEY (call_id, seq))");
            s.execute("CREATE TABLE utterances (id INTEGER PRIMARY KEY, call_id TEXT NOT NULL REFERENCES calls(id)"
                    + " ON DELETE CASCADE, item_key TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,"
                    + " speaker TEXT, text TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, at_ns INTEGER NOT NULL,"
                    + " UNIQUE (call_id, item_key))");
            s.execute("CREATE TABLE events (call_id TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,"
                    + " seq INTEGER NOT NULL, at_ns INTEGER NOT NULL, direction TEXT NOT NULL, type TEXT NOT NULL,"
                    + " json TEXT NOT NULL, PRIMARY KEY (call_id, seq))");
            s.execute("PRAGMA user_version = 1");
            long t0 = 1_700_000_000_000_000_000L;
            s.execute("INSERT INTO calls VALUES ('rtc_old', 'Old Caller', '+15550001111', '+15559990000',"
                    + " '[{\"name\":\"From\",\"value\":\"\\\"Old Caller\\\" <sip:+15550001111@x>\"}]', " + t0 + ", "
                    + (t0 + 60_000_000_000L) + ", 'ENDED', 'caller hung up', NULL)");
            s.execute("INSERT INTO state_changes VALUES ('rtc_old', 0, 'RINGING', '', " + t0 + ")");
            s.execute("INSERT INTO utterances (call_id, item_key, seq, kind, speaker, text, status, at_ns) VALUES"
                    + " ('rtc_old', 'item_1', 0, 'UTTERANCE', 'CALLER', 'My parcel never arrived', 'DONE', "
                    + (t0 + 1) + "), ('rtc_old', 'marker-1', 1, 'STATE', NULL, 'Ended — caller hung up', 'DONE', "
                    + (t0 + 2) + ")");
            s.execute("INSERT INTO events VALUES ('rtc_old', 0, " + t0 + ", 'IN', 'session.created', '{}')");
        }

        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(1, store.openedAtVersion());
            assertEquals(HistoryStore.latestSchemaVersion(), store.schemaVersion(), "upgraded through every later step");
            StoredCall old = store.load("rtc_old").orElseThrow();
            assertEquals("Old Caller", old.caller().displayName());
            assertEquals(CallState.ENDED, old.state());
            assertEquals(List.of("My parcel never arrived", "Ended — caller hung up"),
                    old.transcript().stream().map(TranscriptEntry::text).toList());
            assertEquals(1, old.events().size());
            assertNull(old.profile());
            // the new full-text index covers the old lines, and only the spoken ones
            assertEquals(List.of("rtc_old"), store.search("parcel", 10).stream().map(SearchHit::callId).toList());
            assertTrue(store.search("hung", 10).isEmpty());
            // the new tables work
            store.profiles().create("Support EN", AcceptSettings.defaults());
            assertEquals(1, store.profiles().latest("support en").orElseThrow().version());
            assertEquals(1, store.listCalls(null, null, 10).size());
        }
    }

    @Test
    void migratesAVersion4DatabaseItsProfileVersionsWithoutAlertsOfTheirOwn() throws Exception {
        Path file = dir.resolve("v4.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (Schema.Migration m : Schema.MIGRATIONS) {
                if (m.version() <= 4) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
            }
            s.execute("PRAGMA user_version = 4");
            s.execute("INSERT INTO profiles (id, name, created_ns) VALUES (1, 'Support EN', 0)");
            s.execute("INSERT INTO profile_versions (profile_id, version, saved_ns, settings_json) VALUES (1, 1, 0, '"
                    + dev.switchboard.history.HistoryJson.settingsJson(AcceptSettings.defaults().withVoice("sage"))
                    .replace("'", "''") + "')");
        }

        try (HistoryStore store = HistoryStore.open(file)) {
            assertEquals(4, store.openedAtVersion());
            assertEquals(HistoryStore.latestSchemaVersion(), store.schemaVersion());
            var old = store.profiles().latest("Support EN").orElseThrow();
            assertEquals("sage", old.settings().voice());
            assertEquals(dev.switchboard.call.AlertPolicy.NONE, old.alerts(), "an old version adds no alerts");
            var policy = dev.switchboard.call.AlertPolicy.of(List.of("refund"), java.util.OptionalDouble.of(0.25));
            store.profiles().save("Support EN", old.settings(), policy);
            assertEquals(policy, store.profiles().latest("Support EN").orElseThrow().alerts());
            assertEquals(dev.switchboard.call.AlertPolicy.NONE, store.profiles().version("Support EN", 1)
                    .orElseThrow().alerts(), "version 1 unchanged");
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        Path file = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> HistoryStore.open(file));
        assertTrue(e.getMessage().contains("newer Switchboard"), e.getMessage());
    }

    @Test
    void aRecordedCallLoadsBackExactlyAsItWasLive() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"));
             CallRecorder recorder = new CallRecorder(store, clock)) {
            CallRegistry registry = new CallRegistry();
            recorder.attach(registry);
            Call call = ScriptedCall.newCall("rtc_live", clock);
            registry.add(call);
            recorder.tagProfile("rtc_live", new ProfileRef("Support EN", 3));
            ScriptedCall.playOn(call, clock, true);
            recorder.flush();

            StoredCall stored = store.load("rtc_live").orElseThrow();
            assertEquals(call.transcript(), stored.transcript());
            assertEquals(call.events(), stored.events());
            assertEquals(call.timeline(), stored.timeline());
            assertEquals(call.settings().orElseThrow(), stored.settings());
            assertEquals(call.sipHeaders(), stored.sipHeaders());
            assertEquals(call.usagePerResponse(), stored.usage());
            assertEquals(call.totalUsage(), stored.totalUsage());
            assertEquals(call.duration(), stored.duration());
            assertEquals(call.lastActionResult(), stored.lastActionResult());
            assertEquals(CallState.ENDED, stored.state());
            assertEquals("caller hung up", stored.stateReason());
            assertEquals(new ProfileRef("Support EN", 3), stored.profile());
            assertEquals(List.of(CallState.RINGING, CallState.ACCEPTING, CallState.ACTIVE, CallState.ENDED),
                    stored.stateChanges().stream().map(StateChange::state).toList());
            assertEquals("caller hung up", stored.stateChanges().get(3).reason());
            assertEquals(0, recorder.failures());

            CallSummary summary = store.listCalls(null, null, 10).get(0);
            assertEquals("rtc_live", summary.id());
            assertEquals("Dana Reyes", summary.callerName());
            assertEquals("+15551230001", summary.callerNumber());
            assertEquals("+15559870000", summary.calleeNumber());
            assertEquals(call.duration(), summary.duration());
            assertEquals("Ended — caller hung up", summary.outcome());
            assertEquals(4, summary.utterances());
            assertEquals(new ProfileRef("Support EN", 3), summary.profile());
        }
    }

    @Test
    void streamingTextIsStoredAsItGrowsAndReplacedByTheFinalText() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"));
             CallRecorder recorder = new CallRecorder(store, clock)) {
            Call call = ScriptedCall.newCall("rtc_stream", clock);
            recorder.record(call);
            call.appendDelta("item_1", Speaker.AGENT, "Hello, ");
            recorder.flush();
            assertEquals("Hello, ", entry(store, "rtc_stream", "item_1").text());
            assertEquals(TranscriptEntry.Status.STREAMING, entry(store, "rtc_stream", "item_1").status());
            assertTrue(store.search("hello", 5).size() == 1);
            call.appendDelta("item_1", Speaker.AGENT, "wrold");
            call.completeUtterance("item_1", Speaker.AGENT, "Hello, world");
            recorder.flush();
            TranscriptEntry done = entry(store, "rtc_stream", "item_1");
            assertEquals("Hello, world", done.text());
            assertEquals(TranscriptEntry.Status.DONE, done.status());
            assertTrue(store.search("wrold", 5).isEmpty(), "the index follows the text");
            assertEquals(1, store.search("world", 5).size());
        }
    }

    @Test
    void searchQuotesWhatPeopleTypeAndHighlightsNewestFirst() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"));
             CallRecorder recorder = new CallRecorder(store, clock)) {
            Call first = ScriptedCall.play("rtc_1", clock);
            recorder.record(first);
            clock.advance(Duration.ofHours(1));
            Call second = ScriptedCall.play("rtc_2", clock);
            recorder.record(second);
            recorder.flush();

            List<SearchHit> hits = store.search("charged", 10);
            assertEquals(List.of("rtc_2", "rtc_1"), hits.stream().map(SearchHit::callId).toList());
            SearchHit hit = hits.get(0);
            assertEquals("item_c1", hit.itemKey());
            assertEquals(Speaker.CALLER, hit.speaker());
            assertEquals("Hi, I think I was charged twice for my order.", hit.text());
            assertEquals("Hi, I think I was «charged» twice for my order.", hit.snippet());
            assertEquals("+15551230001", hit.callerNumber());

            assertEquals(1, store.search("charged", 1).size());
            assertEquals(4, store.search("CHARGE*", 10).size(), "prefix, case-insensitive: charged and charge");
            assertEquals(2, store.search("\"double charge\"", 10).size(), "phrase");
            assertTrue(store.search("\"charge double\"", 10).isEmpty());
            assertEquals(2, store.search("refunded payment", 10).size(), "all words, any order");
            assertTrue(store.search("refunded parcel", 10).isEmpty());
            assertTrue(store.search("   ", 10).isEmpty());
            // FTS5 syntax in the input is taken literally, never an error
            for (String odd : List.of("NEAR(charged", "text:charged", "\"charged", "charged OR", "-charged",
                    "charged AND NOT", "(", "*", "'; DROP TABLE calls; --", "c\u0000d")) {
                store.search(odd, 10);
            }
            assertTrue(store.search("charged OR parcel", 10).isEmpty(), "OR is a word to look for, not an operator");
            assertEquals("\"charged\" \"OR\" \"parcel\"", HistoryStore.ftsQuery("charged OR parcel"));
            assertEquals("\"it's\" \"50%\" \"off now\" \"refund\"*",
                    HistoryStore.ftsQuery("it's 50% \"off now\" refund*"));
            assertEquals("\"a\"", HistoryStore.ftsQuery("a \" ( *"));
        }
    }

    @Test
    void callsAnEarlierRunLeftOpenAreClosedWithAnUnknownOutcome() {
        try (HistoryStore store = HistoryStore.openIn(dir)) {
            Call ringing = new Call("rtc_left_ringing", List.of(), java.time.Clock.systemUTC());
            Call done = new Call("rtc_done", List.of(), java.time.Clock.systemUTC());
            done.moveTo(CallState.REJECTED, "rejected with SIP 486");
            try (CallRecorder recorder = new CallRecorder(store, java.time.Clock.systemUTC())) {
                recorder.record(ringing);
                recorder.record(done);
                recorder.flush();
            }

            assertEquals(1, store.closeUnfinished("outcome unknown"));

            StoredCall left = store.load("rtc_left_ringing").orElseThrow();
            assertEquals(CallState.ENDED, left.state());
            assertEquals("outcome unknown", left.stateReason());
            assertEquals(CallState.REJECTED, store.load("rtc_done").orElseThrow().state());
            assertEquals(0, store.closeUnfinished("outcome unknown"));
        }
    }

    @Test
    void readersKeepReadingWhileTheRecorderWrites() throws Exception {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"));
             CallRecorder recorder = new CallRecorder(store, clock)) {
            Call call = ScriptedCall.newCall("rtc_busy", clock);
            recorder.record(call);
            recorder.flush(); // the row exists before the reader looks for it (else a race, not a finding)
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                int lastEvents = 0;
                while (writing.get() || reads.get() < 5) {
                    try {
                        StoredCall seen = store.load("rtc_busy").orElseThrow();
                        assertTrue(seen.events().size() >= lastEvents, "never goes back");
                        lastEvents = seen.events().size();
                        store.search("order", 20);
                        store.listCalls(null, null, 10);
                        reads.incrementAndGet();
                    } catch (Throwable t) {
                        errors.add(t);
                        return;
                    }
                }
            });
            for (int i = 0; i < 3000; i++) {
                clock.advanceMillis(5);
                ScriptedCall.event(call, clock, RawEvent.Direction.IN, "response.output_audio_transcript.delta",
                        "\"event_id\":\"evt_" + i + "\"");
                call.appendDelta("item_" + (i / 30), Speaker.AGENT, "order " + i + " ");
                if (i % 30 == 29) {
                    call.completeUtterance("item_" + (i / 30), Speaker.AGENT, null);
                }
            }
            recorder.flush();
            writing.set(false);
            reader.get(60, TimeUnit.SECONDS);
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(reads.get() >= 5);
            StoredCall stored = store.load("rtc_busy").orElseThrow();
            assertEquals(3000, stored.events().size());
            assertEquals(call.transcript(), stored.transcript());
            assertEquals(20, store.search("order", 20).size());
        }
    }

    @Test
    void listsCallsInATimeRangeNewestFirst() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"));
             CallRecorder recorder = new CallRecorder(store, Clock.systemUTC())) {
            List<Instant> starts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                starts.add(clock.instant());
                recorder.record(ScriptedCall.play("rtc_" + i, clock));
                clock.advance(Duration.ofDays(1));
            }
            recorder.flush();
            assertEquals(List.of("rtc_4", "rtc_3", "rtc_2", "rtc_1", "rtc_0"),
                    store.listCalls(null, null, 0).stream().map(CallSummary::id).toList());
            assertEquals(List.of("rtc_3", "rtc_2"),
                    store.listCalls(starts.get(2), starts.get(4), 10).stream().map(CallSummary::id).toList());
            assertEquals(List.of("rtc_4"), store.listCalls(starts.get(1), null, 1).stream().map(CallSummary::id).toList());
            assertTrue(store.deleteCall("rtc_4"));
            assertFalse(store.deleteCall("rtc_4"));
            assertEquals(4, store.callCount());
            assertEquals(4, store.search("charged", 10).size(), "deleting a call removes its lines from the index");
        }
    }

    @Test
    void aCallStillRingingIsRecordedAndItsMilestonesFollow() {
        ManualClock clock = new ManualClock(ScriptedCall.START);
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"));
             CallRecorder recorder = new CallRecorder(store, clock)) {
            Call call = ScriptedCall.newCall("rtc_ring", clock);
            recorder.record(call);
            recorder.flush();
            StoredCall ringing = store.load("rtc_ring").orElseThrow();
            assertEquals(CallState.RINGING, ringing.state());
            assertTrue(ringing.endedAt().isEmpty());
            clock.advanceMillis(60_000);
            call.moveTo(CallState.MISSED, "nobody answered within 60 s");
            recorder.flush();
            StoredCall missed = store.load("rtc_ring").orElseThrow();
            assertEquals(CallState.MISSED, missed.state());
            assertEquals(ScriptedCall.START.plusSeconds(60), missed.timeline().get(Milestone.ENDED));
            assertEquals(call.transcript(), missed.transcript());
        }
    }

    private static TranscriptEntry entry(HistoryStore store, String callId, String key) {
        return store.load(callId).orElseThrow().transcript().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow();
    }

    private static String scalar(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
