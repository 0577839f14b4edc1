package dev.switchboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.history.ArmStats;
import dev.switchboard.history.ExperimentArm;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.history.ExperimentResult;
import dev.switchboard.history.ProfileRef;
import dev.switchboard.monitor.ExperimentService;
import dev.switchboard.ui.experiments.ExperimentsViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The experiment view's model without a toolkit: rows per arm, the verdict, start with two names. */
class ExperimentsViewModelTest {

    private static final ProfileRef A = new ProfileRef("Support A", 1);
    private static final ProfileRef B = new ProfileRef("Support B", 1);

    private final List<List<String>> started = new ArrayList<>();
    private final ExperimentInfo info = new ExperimentInfo(7, "A/B",
            List.of(new ExperimentArm(A, 1), new ExperimentArm(B, 1)), 1, Instant.EPOCH, null);
    private final ExperimentService service = new ExperimentService() {
        public List<ExperimentInfo> experiments() {
            return List.of(info);
        }

        public Optional<ExperimentInfo> running() {
            return Optional.of(info);
        }

        public ExperimentInfo start(String name, List<String> names, List<Double> weights) {
            started.add(names);
            return info;
        }

        public void stop() {
        }

        public ExperimentResult result(long id) {
            return new ExperimentResult(info, List.of(
                    new ArmStats(A, List.of("c1", "c3", "c5"), 380, 410, 0.3333, 0.0452, 0, 0, 3, 3, 4.1),
                    new ArmStats(B, List.of("c2", "c4", "c6"), 210, -1, 0, -1, 1, 1, 2, 0, -1)),
                    "latency: not enough calls yet; scores: not enough analysed calls yet");
        }

        public Map<Integer, ArmStats> versionStats(String profileName) {
            return Map.of();
        }

        @Override
        public String reportHtml(long experimentId, boolean presenter) {
            return "<!DOCTYPE html><p>experiment " + experimentId + (presenter ? " masked" : "") + "</p>";
        }
    };

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void saveReportWritesTheShownExperimentsPage() throws Exception {
        ExperimentsViewModel model = new ExperimentsViewModel(service, UiTasks.direct());
        assertTrue(model.saveReport(dir.resolve("none.html"), false).isCompletedExceptionally(), "nothing shown yet");
        model.refresh();
        java.nio.file.Path file = model.saveReport(dir.resolve("experiment.html"), true).join();
        assertEquals("<!DOCTYPE html><p>experiment 7 masked</p>", java.nio.file.Files.readString(file));
        assertEquals("Saved the report to experiment.html.", model.status().get());
    }

    @Test
    void showsOneRowPerArmWithItsMetrics() {
        ExperimentsViewModel model = new ExperimentsViewModel(service, UiTasks.direct());
        model.refresh();
        assertEquals("A/B: Support A v1 vs Support B v1 (running)", model.title().get());
        assertEquals(new ExperimentsViewModel.ArmRow("Support A v1", "3", "380 ms", "410 ms", "0.3", "$0.0452", "0",
                "0", "3", "4.1 (n=3)"), model.arms().get(0));
        assertEquals(new ExperimentsViewModel.ArmRow("Support B v1", "3", "210 ms", "-", "0.0", "-", "1", "1", "2",
                "-"), model.arms().get(1));
        assertTrue(model.verdict().get().contains("not enough"));
    }

    @Test
    void startNeedsTwoNames() {
        ExperimentsViewModel model = new ExperimentsViewModel(service, UiTasks.direct());
        model.start("Support A");
        assertTrue(started.isEmpty());
        assertTrue(model.status().get().contains("two or more"));
        model.start(" Support A , Support B ");
        assertEquals(List.of(List.of("Support A", "Support B")), started);
    }
}
