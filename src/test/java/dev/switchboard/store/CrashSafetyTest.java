package dev.switchboard.store;

import dev.switchboard.history.StoredCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.RawEvent;
import dev.switchboard.call.TranscriptEntry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a recording process with SIGKILL in the middle of a call, reopens its store, and checks that everything the
 * recorder had reported committed before the kill is there.
 */
class CrashSafetyTest {

    private static final String EOF = "\u0000EOF";

    @TempDir
    Path dir;

    @Test
    void everythingCommittedBeforeAKillIsThereAfterReopening() throws Exception {
        Path db = dir.resolve("switchboard.db");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // the pipe breaks when the child dies
            }
            lines.add(EOF);
        }, "crash-child-stdout");
        reader.setDaemon(true);
        reader.start();

        List<String> seen = new ArrayList<>();
        try {
            int events = 0;
            int doneEntries = 0;
            while (events < 40 || doneEntries < 2) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertNotNull(line, "the child printed nothing for 60 s; so far: " + seen);
                assertFalse(line.equals(EOF), "the child ended by itself: " + seen);
                seen.add(line);
                if (line.startsWith("EVENT ")) {
                    events++;
                } else if (line.startsWith("ENTRY ") && line.contains(" DONE ")) {
                    doneEntries++;
                }
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        // lines the child printed before it died were committed too: take them all
        for (String line = lines.poll(30, TimeUnit.SECONDS); line != null && !line.equals(EOF);
             line = lines.poll(30, TimeUnit.SECONDS)) {
            seen.add(line);
        }

        try (HistoryStore store = HistoryStore.open(db)) {
            StoredCall call = store.load(CrashChild.CALL_ID).orElseThrow(() -> new AssertionError("no call row"));
            assertEquals("+15551230001", call.caller().number());
            List<RawEvent> events = call.events();
            Map<String, TranscriptEntry> entries = new HashMap<>();
            call.transcript().forEach(e -> entries.put(e.key(), e));
            int checkedEvents = 0;
            for (String line : seen) {
                String[] f = line.split(" ");
                if (f[0].equals("EVENT")) {
                    int seq = Integer.parseInt(f[2]);
                    assertTrue(seq < events.size(), "event " + seq + " was committed but is missing");
                    assertEquals(f[3], events.get(seq).type());
                    assertTrue(events.get(seq).json().contains("\"evt_" + seq + "\""), events.get(seq).json());
                    checkedEvents++;
                } else if (f[0].equals("ENTRY")) {
                    TranscriptEntry e = entries.get(f[2]);
                    assertNotNull(e, "entry " + f[2] + " was committed but is missing");
                    int length = Integer.parseInt(f[4]);
                    // a later commit may have grown it further; never less than what was reported
                    assertTrue(e.text().length() >= length, e + " shorter than " + length);
                    if (f[3].equals("DONE")) {
                        assertEquals(TranscriptEntry.Status.DONE, e.status(), e.toString());
                    }
                }
            }
            assertTrue(checkedEvents >= 40, "checked " + checkedEvents);
            assertTrue(call.transcript().stream().filter(TranscriptEntry::isUtterance)
                    .filter(e -> e.status() == TranscriptEntry.Status.DONE).count() >= 2);
        }
    }
}
