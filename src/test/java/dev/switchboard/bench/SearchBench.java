package dev.switchboard.bench;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.history.SearchHit;
import dev.switchboard.history.StateChange;
import dev.switchboard.history.StoredCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Full-text search over 100,000 stored utterances, warm. Fills a temporary store with 2,000 calls of 50 varied
 * support-call sentences each (about 100k utterances), then times {@link HistoryStore#search} (the 50 newest hits
 * with highlighted snippets, as the history view asks) for rare, common and very common words, a phrase and a
 * prefix. Target: p99 under 50 ms.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.switchboard.bench.SearchBench}
 */
public final class SearchBench {

    static final int CALLS = 2_000;
    static final int LINES_PER_CALL = 50;
    static final int RUNS = 200;

    private static final String[] OPENINGS = {"Hi,", "Hello,", "Yes,", "Okay,", "Sure,", "Well,", "Actually,",
            "Thanks,", "Sorry,", "Right,", "So", "Um,", "Great,", "No,"};
    private static final String[] SUBJECTS = {"I", "my wife", "my account", "the app", "your website", "the driver",
            "my order", "the technician", "our office", "the invoice", "my card", "the parcel", "the router",
            "my subscription", "the refund", "the courier", "my password", "the booking"};
    private static final String[] VERBS = {"was charged twice for", "never received", "cannot log into",
            "would like to cancel", "need to change", "got an error with", "was promised", "want to upgrade",
            "am still waiting for", "have a question about", "cannot find", "was overcharged on",
            "need a copy of", "would like to return", "had trouble with", "want to dispute"};
    private static final String[] OBJECTS = {"the order from last Tuesday", "my monthly plan",
            "the delivery to Rotterdam", "invoice number 4471", "the premium package", "a replacement charger",
            "the appointment on Friday", "my frequent flyer miles", "the warranty claim", "the annual subscription",
            "a damaged blender", "the hotel reservation in Lisbon", "the gift card balance", "my tax documents",
            "the late fee", "the Wi-Fi extender", "the kitchen installation", "the loyalty discount"};
    private static final String[] AGENT = {"I can help with that.", "Let me check that for you.",
            "Could you confirm your postcode?", "I've issued a refund to your card.", "Thanks for waiting.",
            "I see the charge on your account.", "That should arrive within three business days.",
            "I've escalated this to our billing team.", "Is there anything else I can do?",
            "I'm sorry about the inconvenience.", "Your reference number is", "I've updated your address.",
            "The technician will call before arriving.", "Can I have the email on the account?"};
    private static final String[] TAILS = {"", " please", " as soon as possible", " today", " if that's okay",
            " thank you", " because it's urgent", " before the weekend", " again", " for the third time"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("switchboard-search-bench");
        Random random = new Random(42);
        try (HistoryStore store = HistoryStore.open(dir.resolve("bench.db"))) {
            long fillStart = System.nanoTime();
            Instant t = Instant.parse("2025-01-01T08:00:00Z");
            List<StoredCall> batch = new ArrayList<>();
            int utterances = 0;
            for (int c = 0; c < CALLS; c++) {
                t = t.plusSeconds(300 + random.nextInt(600));
                batch.add(call("rtc_bench_" + c, t, random));
                utterances += LINES_PER_CALL;
                if (batch.size() == 100) {
                    store.saveAll(batch);
                    batch.clear();
                }
            }
            store.saveAll(batch);
            System.out.printf("filled %,d utterances in %,d calls in %.1f s (%s)%n", utterances, CALLS,
                    (System.nanoTime() - fillStart) / 1e9, dir.resolve("bench.db"));

            List<String> queries = List.of("Lisbon", "refund", "charged twice", "\"the order\"", "invoice*",
                    "the", "blender damaged", "zebra");
            System.out.println("query                   hits(50 max)   p50 ms   p99 ms   max ms");
            for (String q : queries) {
                for (int i = 0; i < 20; i++) {
                    store.search(q, 50); // warm
                }
                long[] nanos = new long[RUNS];
                int hits = 0;
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    List<SearchHit> result = store.search(q, 50);
                    nanos[i] = System.nanoTime() - start;
                    hits = result.size();
                }
                Arrays.sort(nanos);
                System.out.printf("%-22s %12d %8.2f %8.2f %8.2f%n", q, hits, nanos[RUNS / 2] / 1e6,
                        nanos[(int) Math.ceil(RUNS * 0.99) - 1] / 1e6, nanos[RUNS - 1] / 1e6);
            }
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    private static StoredCall call(String id, Instant start, Random random) {
        List<SipHeader> headers = List.of(
                new SipHeader("From", "<sip:+1555" + (1_000_000 + random.nextInt(8_999_999)) + "@pstn.example.net>"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>"));
        List<TranscriptEntry> lines = new ArrayList<>();
        Instant at = start.plusSeconds(2);
        for (int i = 0; i < LINES_PER_CALL; i++) {
            at = at.plusMillis(1500 + random.nextInt(4000));
            boolean agent = i % 2 == 0;
            String text = agent ? pick(AGENT, random) + (random.nextInt(3) == 0 ? " " + pick(AGENT, random) : "")
                    : pick(OPENINGS, random) + " " + pick(SUBJECTS, random) + " " + pick(VERBS, random) + " "
                    + pick(OBJECTS, random) + pick(TAILS, random) + ".";
            lines.add(new TranscriptEntry("item_" + i, TranscriptEntry.Kind.UTTERANCE,
                    agent ? Speaker.AGENT : Speaker.CALLER, text, TranscriptEntry.Status.DONE, at));
        }
        Map<Milestone, Instant> timeline = new EnumMap<>(Milestone.class);
        timeline.put(Milestone.WEBHOOK_RECEIVED, start);
        timeline.put(Milestone.ACCEPT_ANSWERED, start.plusSeconds(1));
        timeline.put(Milestone.ENDED, at.plus(Duration.ofSeconds(2)));
        return new StoredCall(id, headers, start, CallState.ENDED, "caller hung up", "Accepted.",
                AcceptSettings.defaults(), null, timeline, lines,
                List.of(new StateChange(CallState.RINGING, "", start),
                        new StateChange(CallState.ENDED, "caller hung up", at)), List.of(), List.of());
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
