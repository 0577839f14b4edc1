package dev.switchboard.team;

import static dev.switchboard.team.TeamFixtures.await;
import static dev.switchboard.team.TeamFixtures.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.app.SwitchboardRuntime;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.ToolCall;
import dev.switchboard.call.ToolSet;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.ToolsJson;
import dev.switchboard.monitor.TeamSeats;
import dev.switchboard.monitor.ToolAutoReply;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import dev.switchboard.ui.CallCommands;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.tools.ToolCardViewModel;
import dev.switchboard.ui.tools.ToolCardsViewModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * A hub (the real runtime in live mode against the simulator) and desks on a real redis-server: every desk's
 * transcript equals the hub's, also for a desk that attached mid-call; only the driver steers; nothing secret
 * reaches Redis; a Redis restart mid-call loses nothing.
 */
class TeamModeTest {

    private static final String LOOKUP =
            "[{\"type\":\"function\",\"name\":\"lookup_order\",\"parameters\":{\"type\":\"object\"}}]";
    private static final String MCP_HEADER_VALUE = "mcp-header-value-0123456789";

    @TempDir
    Path dir;

    private RedisServer redis;
    private Simulator sim;
    private SwitchboardRuntime runtime;
    private TeamHub hub;

    @BeforeEach
    void startHub() throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        sim = new Simulator(SimOptions.demo().withSpeed(6));
        sim.start();
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve("hub").toString()},
                Map.of("OPENAI_API_KEY", sim.apiKey(), "OPENAI_WEBHOOK_SECRET", sim.webhookSecret(),
                        "OPENAI_BASE_URL", sim.baseUrl()), dir);
        runtime = SwitchboardRuntime.start(config, 0);
        runtime.service().setAutoAccept(true, config.acceptSettings());
        hub = new TeamHub(new RedisBus(redis.hubUrl(), "hub", RedisBus.DEFAULT_TRIM), "hub-a", 2000,
                runtime.calls(), runtime.monitor(), runtime.backend().actions(), Clock.systemUTC()).start();
        sim.setWebhookTarget(URI.create(runtime.listenerUrl()));
    }

    @AfterEach
    void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (sim != null) {
            sim.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void desksSeeTheHubsTranscriptAndOnlyTheDriverSteers() throws Exception {
        try (TeamWatcher alice = TeamDesk.watch(redis.hubUrl(), "alice", null)) {
            String id = sim.ring(Scenario.SUPPORT_CALL);
            Call onHub = runtime.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
            await("the agent's first line", 20_000, () -> onHub.transcript().stream()
                    .anyMatch(e -> e.isUtterance() && e.status() == TranscriptEntry.Status.DONE));
            // a session.update carrying an MCP server's header, as a tool-using profile would send
            onHub.recordEvent(new RawEvent(Instant.now(), RawEvent.Direction.OUT, "session.update",
                    "{\"type\":\"session.update\",\"session\":{\"tools\":[{\"type\":\"mcp\",\"server_url\":"
                            + "\"https://mcp.example\",\"headers\":{\"X-Api-Token\":\"" + MCP_HEADER_VALUE + "\"}}]}}"));
            try (TeamWatcher bob = TeamDesk.watch(redis.hubUrl(), "bob", null)) { // attaches mid-call
                await("bob sees the call", 10_000, () -> bob.calls().find(id).isPresent());

                assertEquals("You are steering " + id + ".", alice.commands().takeOver(id).get(10, TimeUnit.SECONDS));
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> bob.commands().say(id, "Bob here.").get(10, TimeUnit.SECONDS));
                assertEquals("driver lease held by alice", refused.getCause().getMessage());
                assertEquals(1, say("carol", id, "Carol here.").code);
                assertTrue(say("carol", id, "Carol here.").err.contains("driver lease held by alice"));
                assertEquals("Sent to the agent.", alice.commands().say(id, "One moment please.")
                        .get(10, TimeUnit.SECONDS));
                await("the desks see who steers", 10_000, () -> bob.driver(id).orElse("").equals("alice"));
                alice.commands().handBack(id).get(10, TimeUnit.SECONDS);
                Result carol = say("carol", id, "Thanks for waiting.");
                assertEquals(0, carol.code, carol.err);
                assertEquals("Sent to the agent.", carol.out.strip());
                await("presence", 10_000, () -> bob.watchers(id).containsAll(List.of("alice", "bob")));
                TeamSeats seats = WatcherBackend.of(bob).team().orElseThrow();
                Call onBob = bob.calls().find(id).orElseThrow();
                await("the window's seats row hears who watches", 10_000,
                        () -> seats.watchers(onBob).containsAll(List.of("alice", "bob")));
                assertEquals("bob", seats.desk());

                await("the call ends", 60_000, () -> onHub.state().isTerminal());
                assertTrue(hub.awaitPublished(10_000));
                for (TeamWatcher desk : List.of(alice, bob)) {
                    await(desk.desk() + "'s transcript equals the hub's", 15_000, () -> desk.calls().find(id)
                            .map(c -> transcript(c).equals(transcript(onHub))).orElse(false));
                }
                String hubText = transcript(onHub);
                assertTrue(hubText.contains("alice took over steering"), hubText);
                assertTrue(hubText.contains("asked the agent to say: One moment please."), hubText);
                assertTrue(hubText.contains("asked the agent to say: Thanks for waiting."), hubText);
                assertFalse(hubText.contains("Bob here.") || hubText.contains("Carol here."), hubText);
            }
            Result ended = say("carol", id, "Too late.");
            assertEquals(1, ended.code);
            assertEquals("switchboard: call ended", ended.err.strip());
            Result unknown = say("carol", "rtc_nosuchcall", "Hello?");
            assertEquals(1, unknown.code);
            assertEquals("switchboard: unknown call rtc_nosuchcall", unknown.err.strip());
        }
        try (Jedis j = redis.client()) {
            String all = TeamFixtures.everythingIn(j);
            assertTrue(all.contains("One moment please."), "the scan reads the streams");
            assertFalse(all.contains(sim.apiKey()), "the API key reached Redis");
            assertFalse(all.contains(sim.webhookSecret()), "the webhook secret reached Redis");
            assertFalse(all.contains(sim.webhookSecret().replaceFirst("^whsec_", "")), "the secret's body reached Redis");
            assertFalse(all.contains(MCP_HEADER_VALUE), "an MCP header value reached Redis");
        }
    }

    @Test
    void aRedisRestartMidCallLosesNothing() throws Exception {
        try (TeamWatcher desk = TeamDesk.watch(redis.hubUrl(), "desk", null)) {
            String id = sim.ring(Scenario.SUPPORT_CALL);
            Call onHub = runtime.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
            await("the desk follows the call", 20_000, () -> desk.calls().find(id)
                    .map(c -> !TeamFixtures.utterances(c).isEmpty()).orElse(false));
            redis.stop();
            int before = onHub.transcript().size();
            await("the hub answers on while Redis is away", 20_000, () -> onHub.transcript().size() > before + 1);
            redis.restart();
            await("the call ends", 60_000, () -> onHub.state().isTerminal());
            assertTrue(hub.awaitPublished(15_000));
            await("the desk caught up", 20_000, () -> desk.calls().find(id)
                    .map(c -> transcript(c).equals(transcript(onHub))).orElse(false));
        }
    }

    @Test
    void aDeskAnswersAToolCallThroughTheHubUnderTheDriverLease() throws Exception {
        runtime.service().setAutoAccept(true, AcceptSettings.defaults().withGreeting("")
                .withTools(new ToolSet(ToolsJson.parseToolsText(LOOKUP), Map.of(), "")));
        runtime.monitor().setToolAutoReply(ToolAutoReply.teamHub(false)); // as a hub runs: desks answer first
        try (TeamWatcher alice = TeamDesk.watch(redis.hubUrl(), "alice", null);
             TeamWatcher bob = TeamDesk.watch(redis.hubUrl(), "bob", null)) {
            String id = sim.ring(Scenario.TOOL_CALL);
            Call onHub = runtime.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
            await("alice sees the waiting function call", 30_000, () -> alice.calls().find(id)
                    .map(c -> !c.tools().waiting().isEmpty()).orElse(false));
            Call onAlice = alice.calls().find(id).orElseThrow();
            Call onBob = bob.calls().find(id).orElseThrow();
            String toolId = onAlice.tools().waiting().get(0).id();
            alice.commands().takeOver(id).get(10, TimeUnit.SECONDS);

            // bob's tool card is refused while alice drives; nothing reached the call
            ExecutionException refused = assertThrows(ExecutionException.class, () -> WatcherBackend.of(bob).actions()
                    .answerTool(onBob, toolId, "{\"status\":\"lost\"}").get(10, TimeUnit.SECONDS));
            assertEquals("driver lease held by alice", refused.getCause().getMessage());
            assertTrue(onHub.tools().get(toolId).orElseThrow().awaitsAnswer());

            // alice's tool card, as the window shows it: the answer goes to the hub and is applied there
            ToolCardsViewModel cards = new ToolCardsViewModel(
                    new CallCommands(WatcherBackend.of(alice).actions(), UiDispatcher.immediate()), Clock.systemUTC());
            cards.show(onAlice);
            ToolCardViewModel card = cards.cards().stream().filter(c -> c.id().equals(toolId)).findFirst().orElseThrow();
            String output = "{\"status\":\"shipped\",\"eta\":\"Thursday\"}";
            card.outputProperty().set(output);
            card.send();
            await("alice's card hears the hub", 10_000, () -> "Sent.".equals(card.resultProperty().get()));
            ToolCall answered = onHub.tools().get(toolId).orElseThrow();
            assertEquals(ToolCall.Status.ANSWERED, answered.status());
            assertEquals(output, answered.output());
            await("the simulator got the output", 10_000, () -> sim.call(id).orElseThrow().clientMessages().stream()
                    .anyMatch(m -> m.contains("function_call_output") && m.contains(toolId)));
            for (Call replica : List.of(onAlice, onBob)) { // the answer is in the call's stream for every desk
                await("a desk sees the answer", 10_000, () -> replica.tools().get(toolId)
                        .map(t -> t.status() == ToolCall.Status.ANSWERED && t.output().equals(output)
                                && t.detail().equals("by hand")).orElse(false));
            }
            cards.refresh();
            assertFalse(card.answerableProperty().get());

            ExecutionException twice = assertThrows(ExecutionException.class, () -> WatcherBackend.of(alice).actions()
                    .answerTool(onAlice, toolId, "{}").get(10, TimeUnit.SECONDS));
            assertTrue(twice.getCause().getMessage().contains("answered already"), twice.getCause().getMessage());
            ExecutionException notAnApproval = assertThrows(ExecutionException.class, () -> WatcherBackend.of(alice)
                    .actions().decideApproval(onAlice, toolId, true).get(10, TimeUnit.SECONDS));
            assertTrue(notAnApproval.getCause().getMessage().startsWith("No MCP approval request"),
                    notAnApproval.getCause().getMessage());
            await("the agent answers with the output", 30_000, () -> transcript(onHub).contains("shipped with UPS"));
            await("the call ends", 60_000, () -> onHub.state().isTerminal());
            assertEquals(1, sim.call(id).orElseThrow().clientMessages().stream()
                    .filter(m -> m.contains("function_call_output")).count(), "answered once: no automatic answer after");
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result say(String desk, String callId, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TeamDesk.say(redis.hubUrl(), desk, List.of(callId, text), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
