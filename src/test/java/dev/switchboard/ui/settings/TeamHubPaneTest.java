package dev.switchboard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.config.SavedSettings;
import dev.switchboard.config.SavedTeamHub;
import dev.switchboard.monitor.SavedTeamHubSettings;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.WindowHarness;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Team hub section on the toolkit: a pasted password is masked in the field at once; Save writes the file. */
@ExtendWith(WindowHarness.class)
class TeamHubPaneTest {

    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) {
        TeamHubViewModel model = new TeamHubViewModel(new SavedTeamHubSettings(dir.resolve(SavedSettings.FILE_NAME),
                "This window is a single desk: it answers calls itself.", null), UiDispatcher.fx());
        TeamHubPane pane = new TeamHubPane(model);
        pane.setExpanded(true);
        stage.setScene(new Scene(pane, 600, 400));
        stage.show();
    }

    @Test
    void aPastedPasswordIsMaskedAndSaved(FxRobot robot) throws Exception {
        TextField url = robot.lookup("#teamHubUrlField").queryAs(TextField.class);
        robot.interact(() -> url.replaceText(0, url.getLength(), "redis://:pasted-pw@10.2.3.4:6379"));
        WindowHarness.waitUntil(() -> url.getText().equals("redis://:***@10.2.3.4:6379"));
        robot.interact(() -> robot.lookup("#teamDeskField").queryAs(TextField.class).setText("desk 7"));
        robot.clickOn("#saveTeamHubButton");
        WindowHarness.waitUntil(() -> robot.lookup("#teamHubSaved").queryLabeled().getText()
                .equals("Saved: redis://:***@10.2.3.4:6379 as desk desk 7."));
        SavedTeamHub saved = SavedTeamHub.read(dir.resolve(SavedSettings.FILE_NAME)).orElseThrow();
        assertEquals("pasted-pw", saved.url().password());
        assertEquals("desk 7", saved.desk());
        assertFalse(WindowHarness.texts().stream().anyMatch(t -> t.contains("pasted-pw")), "the password is on screen");
    }
}
