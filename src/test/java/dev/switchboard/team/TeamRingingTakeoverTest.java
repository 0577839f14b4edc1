package dev.switchboard.team;

import static dev.switchboard.team.TeamFixtures.await;
import static dev.switchboard.team.TeamFixtures.transcript;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.app.SwitchboardRuntime;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.config.AppConfig;
import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.RetryPolicy;
import dev.switchboard.sim.Scenario;
import dev.switchboard.sim.SimCall;
import dev.switchboard.sim.SimOptions;
import dev.switchboard.sim.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.XAddParams;

/**
 * A hub dies while a call it owns still rings: once the lease expires the other hub (two runtimes in one JVM, live
 * against the simulator) takes the call and answers it, and never accepts it a second time: an accept that went out
 * unpublished is recognised by OpenAI's 409, one OpenAI had answered is never sent again.
 */
class TeamRingingTakeoverTest {

    private static final long LEASE_MS = 1000;

    @TempDir
    Path dir;

    private RedisServer redis;
    private Simulator sim;
    private SwitchboardRuntime first;
    private SwitchboardRuntime second;
    private TeamHub hubA;
    private TeamHub hubB;
    private AppConfig config;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start(dir.resolve("redis"));
        sim = new Simulator(SimOptions.demo().withSpeed(6));
        sim.start();
        first = runtime("a"); // answers nothing by itself: its calls ring until someone accepts
        second = runtime("b");
        second.service().setAutoAccept(true, config.acceptSettings());
        hubB = hub("hub-b", second);
        sim.setWebhookTarget(URI.create(first.listenerUrl()));
    }

    private SwitchboardRuntime runtime(String name) throws Exception {
        config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve(name).toString()},
                Map.of("OPENAI_API_KEY", sim.apiKey(), "OPENAI_WEBHOOK_SECRET", sim.webhookSecret(),
                        "OPENAI_BASE_URL", sim.baseUrl()), dir);
        return SwitchboardRuntime.start(config, 0);
    }

    private TeamHub hub(String name, SwitchboardRuntime runtime) {
        return new TeamHub(new RedisBus(redis.hubUrl(), name, RedisBus.DEFAULT_TRIM), name, LEASE_MS, runtime.calls(),
                runtime.monitor(), runtime.backend().actions(), Clock.systemUTC()).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {hubA, hubB, first, second, sim, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Hub A owns a ringing call, published; then it stops renewing anything, as a dead hub would. */
    private String ringAtHubAThenKillIt() throws Exception {
        hubA = hub("hub-a", first);
        String id = sim.ring(Scenario.SUPPORT_CALL);
        Call onA = first.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
        assertEquals(CallState.RINGING, onA.state());
        assertTrue(hubA.awaitPublished(10_000));
        hubA.close(); // no release, no goodbye: the lease lapses
        return id;
    }

    private Call takenOverByB(String id) throws Exception {
        try (Jedis j = redis.client()) {
            await("hub-b owns the call", LEASE_MS + 10_000, () -> {
                String owner = j.get(TeamKeys.lease(id));
                return owner != null && owner.startsWith("hub-b#");
            });
        }
        return second.calls().whenAdded(id).get(10, TimeUnit.SECONDS);
    }

    private long accepts(String id, String status) {
        return sim.restLog().stream().filter(l -> l.contains("/" + id + "/accept " + status)).count();
    }

    private long responseCreates(String id) {
        return sim.call(id).orElseThrow().clientMessages().stream().filter(m -> m.contains("\"response.create\"")).count();
    }

    @Test
    void aCallStillRingingWhenItsHubDiedIsAcceptedOnceByTheOther() throws Exception {
        try (TeamWatcher desk = TeamDesk.watch(redis.hubUrl(), "desk", null)) {
            String id = ringAtHubAThenKillIt();
            Call onB = takenOverByB(id);
            await("the call is answered at hub-b", 20_000, () -> onB.state() == CallState.ACTIVE);
            await("the agent greets", 30_000, () -> !TeamFixtures.utterances(onB).isEmpty());
            assertEquals(1, accepts(id, "200"), sim.restLog().toString());
            assertEquals(0, accepts(id, "409"), sim.restLog().toString());
            assertEquals(1, responseCreates(id), "greeted once");
            assertTrue(transcript(onB).contains("took over from hub-a#"), transcript(onB));
            await("the desk sees the call answered by hub-b", 20_000, () -> desk.calls().find(id)
                    .map(c -> c.state() == CallState.ACTIVE && transcript(c).contains("while the call was ringing"))
                    .orElse(false));
        }
    }

    @Test
    void anAcceptThatWentOutUnpublishedIsNotAnsweredAgain() throws Exception {
        String id = ringAtHubAThenKillIt();
        // hub A's accept reached OpenAI, then A died before it published anything of it (or opened its socket)
        acceptDirectly(id);
        Call onB = takenOverByB(id);
        await("hub-b reattached the sideband", 20_000, () -> onB.state() == CallState.ACTIVE
                && sim.call(id).orElseThrow().socketConnections() >= 1);
        assertEquals(1, accepts(id, "200"), sim.restLog().toString());
        assertEquals(1, accepts(id, "409"), "hub-b's accept met the first one: " + sim.restLog());
        assertEquals(0, responseCreates(id), "no second greeting");
        assertTrue(transcript(onB).contains("OpenAI had the call accepted already"), transcript(onB));
        assertEquals("Accepted already by the hub before; sideband reattached.", onB.lastActionResult());
    }

    @Test
    void anAcceptOpenAiAnsweredIsNeverSentAgainAndOneCaughtOnItsWayIsSentWithItsSettings() throws Exception {
        // a dead hub's streams, as it left them: one accept answered (but not yet ACTIVE), one only on its way
        String answered = sim.ring(Scenario.SUPPORT_CALL);
        String onItsWay = sim.ring(Scenario.SUPPORT_CALL);
        first.calls().whenAdded(onItsWay).get(10, TimeUnit.SECONDS);
        acceptDirectly(answered);
        AcceptSettings firstHubs = config.acceptSettings().withGreeting("Hello from the first hub's settings.");
        publishAsDeadHub(answered, firstHubs, true);
        publishAsDeadHub(onItsWay, firstHubs, false);

        Call reattached = takenOverByB(answered);
        await("reattached", 20_000, () -> reattached.state() == CallState.ACTIVE
                && sim.call(answered).orElseThrow().socketConnections() >= 1);
        assertEquals(1, accepts(answered, "200"), sim.restLog().toString());
        assertEquals(0, accepts(answered, "409"), "no accept was sent again: " + sim.restLog());
        assertTrue(transcript(reattached).contains("OpenAI had accepted the call"), transcript(reattached));

        Call resent = takenOverByB(onItsWay);
        await("accepted at hub-b", 20_000, () -> resent.state() == CallState.ACTIVE);
        assertEquals(1, accepts(onItsWay, "200"), sim.restLog().toString());
        await("greeted with the first hub's settings", 20_000, () -> sim.call(onItsWay).orElseThrow().clientMessages()
                .stream().anyMatch(m -> m.contains("Hello from the first hub's settings.")));
        SimCall simCall = sim.call(onItsWay).orElseThrow();
        assertEquals(1, responseCreates(onItsWay), simCall.clientMessages().toString());
    }

    private void acceptDirectly(String id) throws Exception {
        OkHttpClient http = new OkHttpClient();
        try {
            new CallsClient(http, new OpenAiEndpoints(sim.baseUrl()), sim.apiKey(), RetryPolicy.DEFAULT)
                    .accept(id, AcceptSettings.defaults().withGreeting(""), () -> true);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** What a hub that died while accepting left in Redis: its stream, the index, the live calls; no lease. */
    private void publishAsDeadHub(String id, AcceptSettings settings, boolean openAiAnswered) {
        Call shape = new Call(id, List.of(), Clock.systemUTC());
        List<String> entries = new java.util.ArrayList<>(List.of(StreamCodec.started(shape, "hub-dead#1"),
                StreamCodec.state(CallState.RINGING, ""), StreamCodec.settings(settings),
                StreamCodec.state(CallState.ACCEPTING, ""), StreamCodec.text("milestone", Milestone.ACCEPT_SENT.name())));
        if (openAiAnswered) {
            entries.add(StreamCodec.text("milestone", Milestone.ACCEPT_ANSWERED.name()));
        }
        try (Jedis j = redis.client()) {
            for (String e : entries) {
                j.xadd(TeamKeys.stream(id), Map.of(TeamKeys.FIELD, e), XAddParams.xAddParams());
            }
            j.xadd(TeamKeys.INDEX, Map.of(TeamKeys.FIELD, "{\"t\":\"call\",\"id\":\"" + id + "\",\"hub\":\"hub-dead#1\"}"),
                    XAddParams.xAddParams());
            j.hset(TeamKeys.LIVE, id, "hub-dead#1");
        }
    }
}
