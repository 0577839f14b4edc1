package dev.switchboard.app;

import dev.switchboard.call.Call;
import dev.switchboard.config.AppConfig;
import dev.switchboard.config.SavedSettings;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.sim.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A demo-mode runtime with two profiles in an experiment and six finished, analysed calls (tests only). */
public final class DemoExperimentFixture implements AutoCloseable {

    private final SwitchboardRuntime runtime;
    private final Path dir;

    private DemoExperimentFixture(SwitchboardRuntime runtime, Path dir) {
        this.runtime = runtime;
        this.dir = dir;
    }

    public static DemoExperimentFixture sixCalls() throws Exception {
        Path dir = Files.createTempDirectory("switchboard-experiment");
        Files.writeString(dir.resolve("p.json"), HeadlessExperimentTest.PROFILES);
        AppConfig config = AppConfig.load(new String[] {"--port", "0", "--data-dir", dir.resolve("data").toString()},
                Map.of(), dir);
        SwitchboardRuntime runtime = SwitchboardRuntime.start(config, 0, SavedSettings.fileFor(config), Set.of());
        runtime.backend().profiles().orElseThrow().importFrom(dir.resolve("p.json"));
        runtime.backend().experiments().orElseThrow().start("A/B", List.of("Support A", "Support B"),
                List.of(1.0, 1.0));
        for (int i = 0; i < 6; i++) {
            String id = runtime.service().ringDemoCall(Scenario.SUPPORT_CALL.ordinal()).join();
            Call call = runtime.calls().whenAdded(id).get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runtime.profiles().experimentArm(id).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the arm is given by a registry listener right after whenAdded
            }
            ProfileVersion arm = runtime.profiles().experimentArm(id).orElseThrow();
            CountDownLatch over = new CountDownLatch(1);
            call.addListener((c, change) -> {
                if (c.state().isTerminal()) {
                    over.countDown();
                }
            });
            runtime.backend().actions().acceptWithProfile(call, arm).get(30, TimeUnit.SECONDS);
            if (!call.state().isTerminal() && !over.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("call " + id + " did not end");
            }
        }
        runtime.recorder().flush();
        runtime.autoAnalysis().orElseThrow().idle().get(60, TimeUnit.SECONDS);
        return new DemoExperimentFixture(runtime, dir);
    }

    public ExperimentService experiments() {
        return runtime.backend().experiments().orElseThrow();
    }

    public SwitchboardRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
