package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.history.ArmStats;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.history.SearchHit;
import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.monitor.HistoryService;
import dev.switchboard.sim.Scenario;
import dev.switchboard.store.AnalysisStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in demo mode on the real runtime the window uses: two profiles in an experiment, six simulated calls
 * accepted with the arm the experiment gives each (the accept panel's default) → three calls per arm, each with
 * metrics and a stored analysis; summaries are searchable.
 */
class DemoExperimentTest {

    @TempDir
    Path dir;

    @Test
    void sixCallsSplitThreeAndThreeWithMetricsAndAnalysis() throws Exception {
        Files.writeString(dir.resolve("p.json"), HeadlessExperimentTest.PROFILES);
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve("data").toString()},
                Map.of(), dir);
        try (SwitchboardRuntime runtime = SwitchboardRuntime.start(config, 0, SavedSettings.fileFor(config), Set.of())) {
            runtime.backend().profiles().orElseThrow().importFrom(dir.resolve("p.json"));
            ExperimentService experiments = runtime.backend().experiments().orElseThrow();
            ExperimentInfo started = experiments.start("A/B", List.of("Support A", "Support B"), List.of(1.0, 1.0));
            assertEquals(started.id(), experiments.running().orElseThrow().id());

            for (int i = 0; i < 6; i++) {
                String id = runtime.service().ringDemoCall(Scenario.SUPPORT_CALL.ordinal()).join();
                Call call = runtime.calls().whenAdded(id).get(30, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (runtime.profiles().experimentArm(id).isEmpty() && System.nanoTime() < deadline) {
                    Thread.onSpinWait(); // the arm is given by a registry listener right after whenAdded
                }
                ProfileVersion arm = runtime.profiles().experimentArm(id).orElseThrow();
                assertEquals(arm, experiments.armFor(id).orElseThrow(), "the accept panel's default is the arm");
                assertEquals(i % 2 == 0 ? "Support A" : "Support B", arm.name(), "strict alternation");
                CountDownLatch over = new CountDownLatch(1);
                call.addListener((c, change) -> {
                    if (c.state().isTerminal()) {
                        over.countDown();
                    }
                });
                runtime.backend().actions().acceptWithProfile(call, arm).get(30, TimeUnit.SECONDS);
                assertTrue(call.state().isTerminal() || over.await(2, TimeUnit.MINUTES), "call " + i + " ended");
            }
            runtime.recorder().flush();
            runtime.autoAnalysis().orElseThrow().idle().get(60, TimeUnit.SECONDS);

            ExperimentResult result = experiments.result(started.id());
            assertEquals(2, result.arms().size());
            HistoryService history = runtime.backend().history().orElseThrow();
            for (ArmStats arm : result.arms()) {
                assertEquals(3, arm.calls(), arm.toString());
                assertEquals(3, arm.analysed(), arm.toString());
                assertTrue(arm.turnP50Ms() >= 0 && arm.greetingP50Ms() >= 0, arm.toString());
                assertTrue(arm.meanScore() >= 1 && arm.meanScore() <= 5, arm.toString());
                for (String id : arm.callIds()) {
                    CallNumbers m = history.numbers(id);
                    assertTrue(m.turns() > 0 && m.turnP50Ms() >= 0 && m.hasCost(), m.toString());
                    assertTrue(history.analysis(id).orElseThrow().isDone());
                }
            }
            assertFalse(result.verdict().isBlank());
            assertTrue(result.verdict().contains("n=") || result.verdict().contains("faster")
                    || result.verdict().contains("higher"), result.verdict());

            List<SearchHit> hits = history.search("caller opened", 20);
            assertTrue(hits.stream().anyMatch(h -> h.itemKey().equals(AnalysisStore.SUMMARY_KEY)), hits.toString());
            assertEquals(3, experiments.versionStats("Support A").get(1).calls());

            String page = experiments.reportHtml(started.id(), false);
            assertTrue(page.contains("<svg id=\"chart-latency\"") && !page.contains("<script"), page);
            result.arms().forEach(arm -> arm.callIds().forEach(id -> assertTrue(page.contains(id), id)));
            // Retry through the port runs the analysis again on the simulator
            String first = result.arms().get(0).callIds().get(0);
            assertTrue(history.analyzeAgain(first).get(60, TimeUnit.SECONDS).isDone());
        }
    }
}
