package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.config.AppConfig;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.team.RedisBus;
import dev.switchboard.team.RedisServer;
import dev.switchboard.team.TeamHub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --attach URL --tail} prints the lines the hub prints, for every call: one that ended before the tail
 * started (replayed from its start) and one it joined mid-call.
 */
class TeamTailTest {

    @TempDir
    Path dir;

    @Test
    void theTailPrintsTheHubsLines() throws Exception {
        try (RedisServer redis = RedisServer.start(dir.resolve("redis"));
             Simulator sim = new Simulator(SimOptions.demo().withSpeed(8))) {
            sim.start();
            AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve("hub").toString()},
                    Map.of("OPENAI_API_KEY", sim.apiKey(), "OPENAI_WEBHOOK_SECRET", sim.webhookSecret(),
                            "OPENAI_BASE_URL", sim.baseUrl()), dir);
            try (SwitchboardRuntime runtime = SwitchboardRuntime.start(config, 0);
                 TeamHub hub = new TeamHub(new RedisBus(redis.hubUrl(), "hub", RedisBus.DEFAULT_TRIM), "hub", 2000,
                         runtime.calls(), runtime.monitor(), runtime.backend().actions(), Clock.systemUTC()).start()) {
                ByteArrayOutputStream hubOut = new ByteArrayOutputStream();
                HeadlessPrinter hubPrinter = new HeadlessPrinter(new PrintStream(hubOut, true, StandardCharsets.UTF_8));
                runtime.calls().onAdded(hubPrinter::follow);
                runtime.service().setAutoAccept(true, config.acceptSettings());
                sim.setWebhookTarget(URI.create(runtime.listenerUrl()));

                String first = sim.ring(Scenario.SUPPORT_CALL);
                Call firstCall = runtime.calls().whenAdded(first).get(10, TimeUnit.SECONDS);
                await(60_000, () -> firstCall.state().isTerminal());
                String second = sim.ring(Scenario.TOOL_CALL);
                Call secondCall = runtime.calls().whenAdded(second).get(10, TimeUnit.SECONDS);
                await(20_000, () -> secondCall.transcript().stream().anyMatch(e -> e.isUtterance()));

                ByteArrayOutputStream tailOut = new ByteArrayOutputStream();
                PrintStream tailPrint = new PrintStream(tailOut, true, StandardCharsets.UTF_8);
                Thread tail = new Thread(() -> HeadlessMain.run(new String[] {"--attach", redis.url(), "--tail"},
                        Map.of(), dir, tailPrint, tailPrint, 0), "tail");
                tail.start();
                try {
                    await(60_000, () -> secondCall.state().isTerminal());
                    hubPrinter.awaitPrinted();
                    for (String id : List.of(first, second)) {
                        List<String> expected = lines(hubOut, id);
                        assertTrue(expected.size() > 3, "the hub printed " + expected);
                        await(15_000, () -> lines(tailOut, id).equals(expected));
                        assertEquals(expected, lines(tailOut, id));
                    }
                } finally {
                    tail.interrupt();
                    tail.join(10_000);
                }
            }
        }
    }

    /** A call's agent, caller, state, keypad and note lines (summaries and warnings carry each process's timings). */
    private static List<String> lines(ByteArrayOutputStream out, String callId) {
        return out.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("[" + callId + "] "))
                .filter(l -> !l.startsWith("[" + callId + "] summary:") && !l.startsWith("[" + callId + "] warning:"))
                .toList();
    }

    private static void await(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(20);
        }
    }
}
