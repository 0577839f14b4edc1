package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.AlertPolicy;
import dev.switchboard.call.Call;
import dev.switchboard.call.RawEvent;
import dev.switchboard.config.AppConfig;
import dev.switchboard.history.CallMetrics;
import dev.switchboard.history.StoredCall;
import dev.switchboard.sim.Scenario;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.store.MetricsRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless against the simulator: the summary line, the cost of a {@code --prices} file, alerts (global and a
 * profile's) and warnings.
 */
class InstrumentationEndToEndTest {

    private static final Pattern SUMMARY = Pattern.compile("\\[(rtc_\\w+)] summary: turns=(\\d+) greeting_ms=(-?\\d+)"
            + " turn_p50_ms=(-?\\d+) turn_max_ms=(-?\\d+) interruptions=(\\d+) cost_usd=(\\d+\\.\\d{4})");
    // deliberately unlike the list prices, so the bundled table cannot pass for it
    private static final double[] PRICES = {3, 0.5, 11, 27, 0.7, 53};

    @TempDir
    Path workingDir;

    @Test
    void thePrintedCostIsTheFormulaOverEveryResponseDoneWithThePricesFile() throws Exception {
        Path prices = workingDir.resolve("my-prices.json");
        Files.writeString(prices, String.format(Locale.ROOT, "{\"gpt-realtime\": {\"text_input\": %s, "
                + "\"text_cached_input\": %s, \"text_output\": %s, \"audio_input\": %s, \"audio_cached_input\": %s, "
                + "\"audio_output\": %s}}", PRICES[0], PRICES[1], PRICES[2], PRICES[3], PRICES[4], PRICES[5]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--data-dir", dataDir(),
                "--prices", prices.toString(), "--alert", "charged (twice|once)", "--alert", "order system"}, Map.of(), workingDir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);

        List<String> alerts = printed.lines().filter(l -> l.contains(" ALERT ")).toList();
        assertTrue(alerts.stream().anyMatch(l -> l.matches("\\[rtc_\\w+] ALERT keyword: charged twice")), printed);
        assertTrue(alerts.stream().anyMatch(l -> l.matches("\\[rtc_\\w+] ALERT keyword: order system")), printed);

        int summaries = 0;
        try (HistoryStore store = HistoryStore.openIn(workingDir.resolve("data"))) {
            for (String line : printed.lines().toList()) {
                Matcher m = SUMMARY.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                summaries++;
                StoredCall call = store.load(m.group(1)).orElseThrow();
                String expected = String.format(Locale.ROOT, "%.4f", formulaCost(call.events()));
                assertEquals(expected, m.group(7), line);
                CallMetrics stored = MetricsRecorder.load(store, call.id()).orElseThrow();
                assertEquals(Integer.parseInt(m.group(2)), stored.turns(), "history keeps what was printed");
                assertEquals(expected, String.format(Locale.ROOT, "%.4f", stored.costUsd()));
            }
        }
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), summaries, printed);
    }

    @Test
    void aProfilesRulesAddToTheGlobalOnesAndItsCostCapWinsHeadless() throws Exception {
        try (HistoryStore store = HistoryStore.openIn(workingDir.resolve("data"))) {
            store.profiles().create("Watchful", AcceptSettings.defaults(),
                    AlertPolicy.of(List.of("charged (twice|once)"), OptionalDouble.of(0.004)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(new String[] {"--headless", "--demo", "--port", "0", "--data-dir", dataDir(),
                "--profile", "watchful", "--cost-cap", "1000", "--alert", "how can I help"}, Map.of(), workingDir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                HeadlessMain.DEMO_SPEED); // at full speed a script may end before the hang-up goes out
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        assertTrue(printed.contains("accepting with profile Watchful v1 (1 alert rule, cost cap $0.004)"), printed);

        List<String> alerts = printed.lines().filter(l -> l.contains(" ALERT ")).toList();
        assertTrue(alerts.stream().anyMatch(l -> l.matches("\\[rtc_\\w+] ALERT keyword: charged twice")),
                "the profile's rule: " + printed);
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), alerts.stream()
                .filter(l -> l.matches("\\[rtc_\\w+] ALERT keyword: how can I help")).count(),
                "the global rule still holds on every call: " + printed);
        List<String> capped = alerts.stream().filter(l -> l.contains(" ALERT cost_cap: ")).toList();
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), capped.size(), printed);
        assertTrue(capped.stream().allMatch(l -> l.endsWith("passed the cap of $0.0040")),
                "the profile's cap, not the global $1000: " + capped);
        for (String id : capped.stream().map(l -> l.substring(1, l.indexOf(']'))).toList()) {
            assertTrue(printed.contains("[" + id + "] note: cost cap reached: asking the agent to wrap up"), printed);
        }
        assertTrue(printed.lines().anyMatch(l -> l.matches("\\[rtc_\\w+] state: ended \\((call ended: hung up|hung up"
                + " from Switchboard)\\)")), "hung up after the wrap-up, not by the caller: " + printed);
    }

    /** The issue's formula, straight from the raw {@code response.done} usage. */
    private static double formulaCost(List<RawEvent> events) throws Exception {
        ObjectMapper json = new ObjectMapper();
        double sum = 0;
        int responses = 0;
        for (RawEvent e : events) {
            if (!"response.done".equals(e.type()) || e.direction() != RawEvent.Direction.IN) {
                continue;
            }
            responses++;
            JsonNode u = json.readTree(e.json()).path("response").path("usage");
            JsonNode in = u.path("input_token_details");
            JsonNode cached = in.path("cached_tokens_details");
            JsonNode outTokens = u.path("output_token_details");
            long cachedText = cached.path("text_tokens").asLong();
            long cachedAudio = cached.path("audio_tokens").asLong();
            sum += (in.path("text_tokens").asLong() - cachedText) * PRICES[0] + cachedText * PRICES[1]
                    + (in.path("audio_tokens").asLong() - cachedAudio) * PRICES[3] + cachedAudio * PRICES[4]
                    + outTokens.path("text_tokens").asLong() * PRICES[2]
                    + outTokens.path("audio_tokens").asLong() * PRICES[5];
        }
        assertTrue(responses > 0, "the call had responses");
        return sum / 1e6;
    }

    @Test
    void theTroubleScenariosShowAsInterruptionsWarningsAndASlowTurn() throws Exception {
        AppConfig config = AppConfig.load(new String[] {"--demo", "--port", "0", "--data-dir", dataDir()}, Map.of(),
                workingDir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SwitchboardRuntime runtime = SwitchboardRuntime.start(config, 20)) {
            HeadlessPrinter printer = new HeadlessPrinter(new PrintStream(out, true, StandardCharsets.UTF_8));
            runtime.calls().onAdded(printer::follow);
            runtime.service().setAutoAccept(true, config.acceptSettings());
            for (Scenario s : List.of(Scenario.BARGE_IN, Scenario.FAILED_RESPONSE, Scenario.FAILED_TRANSCRIPTION,
                    Scenario.SLOW_TURN)) {
                String id = runtime.simulator().orElseThrow().ring(s);
                Call call = runtime.calls().whenAdded(id).get(30, TimeUnit.SECONDS);
                // the summary is printed once the call has ended (caller hung up)
                Poll.await(() -> out.toString(StandardCharsets.UTF_8).contains("[" + id + "] summary: "));
                printer.awaitPrinted();
                String printed = out.toString(StandardCharsets.UTF_8);
                String summary = printed.lines().filter(l -> l.startsWith("[" + id + "] summary: ")).findFirst()
                        .orElseThrow(() -> new AssertionError(printed));
                Matcher m = SUMMARY.matcher(summary);
                assertTrue(m.matches(), summary);
                // the caller hung up: the simulator closed the socket with 1000; the webhook was signed just before
                Poll.await(() -> call.health().closeCode().isPresent());
                assertEquals(1000, call.health().closeCode().getAsInt(), s.name());
                assertTrue(call.health().webhookLag().orElseThrow().toSeconds() < 5, s.name());
                switch (s) {
                    case BARGE_IN -> {
                        assertEquals("1", m.group(6), summary);
                        assertTrue(call.turns().replies().stream().anyMatch(r -> r.interrupted()
                                && !r.unheard().isBlank()), "the unheard part is known");
                    }
                    case FAILED_RESPONSE -> assertTrue(printed.contains("[" + id + "] warning: response "), printed);
                    case FAILED_TRANSCRIPTION -> assertTrue(printed.lines().anyMatch(l -> l.startsWith("[" + id
                            + "] warning: ") && l.contains("transcription")), printed);
                    case SLOW_TURN -> assertTrue(Long.parseLong(m.group(5)) >= 4_000 / 20, summary);
                    default -> throw new AssertionError(s);
                }
            }
        }
    }

    private String dataDir() {
        return workingDir.resolve("data").toString();
    }

    /** Polls a condition for a while (the socket's close is reported just after the call's end). */
    private static final class Poll {
        static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met within 120 s");
                }
                Thread.sleep(10);
            }
        }
    }
}
