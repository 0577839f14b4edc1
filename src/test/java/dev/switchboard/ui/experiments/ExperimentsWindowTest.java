package dev.switchboard.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.app.DemoExperimentFixture;
import dev.switchboard.ui.Screenshots;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.WindowHarness;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The experiment view on the real backend in demo mode: six calls, three per arm, metrics and analysis shown. */
@ExtendWith(WindowHarness.class)
class ExperimentsWindowTest {

    private DemoExperimentFixture fixture;
    private Stage window;

    @Start
    void start(Stage stage) throws Exception {
        fixture = DemoExperimentFixture.sixCalls();
        window = ExperimentsWindow.open(stage, fixture.experiments(), UiTasks.start(UiDispatcher.fx()));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void showsThreeCallsPerArmWithMetricsAndScores(FxRobot robot) throws Exception {
        WindowHarness.waitUntil(() -> ((TableView<?>) window.getScene().lookup("#experimentArms")).getItems().size() == 2);
        TableView<?> table = (TableView<?>) window.getScene().lookup("#experimentArms");
        for (Object item : table.getItems()) {
            ExperimentsViewModel.ArmRow row = (ExperimentsViewModel.ArmRow) item;
            assertEquals("3", row.calls(), row.toString());
            assertTrue(row.turnP50().endsWith(" ms"), row.toString());
            assertTrue(row.meanScore().endsWith("(n=3)"), row.toString());
        }
        String verdict = ((Label) window.getScene().lookup("#experimentVerdict")).getText();
        assertTrue(verdict.contains(";"), verdict);
        Screenshots.save(window.getScene(), "experiments.png");
    }
}
