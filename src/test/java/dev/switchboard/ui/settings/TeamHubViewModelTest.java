package dev.switchboard.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.SavedSettings;
import dev.switchboard.config.SavedTeamHub;
import dev.switchboard.monitor.SavedTeamHubSettings;
import dev.switchboard.ui.UiDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Team hub without the toolkit: validation, the password only ever masked, Save and Clear on the file. */
class TeamHubViewModelTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(SavedSettings.FILE_NAME);
    }

    private TeamHubViewModel model(String overriddenBy) {
        return new TeamHubViewModel(new SavedTeamHubSettings(file(), "This window is a single desk.", overriddenBy),
                UiDispatcher.immediate());
    }

    @Test
    void startsEmptyWithTheDefaultDeskAndSaysWhenItTakesEffect() {
        TeamHubViewModel model = model(null);
        assertEquals("", model.urlProperty().get());
        assertEquals(SavedTeamHub.defaultDesk(), model.deskProperty().get());
        assertFalse(model.hasSavedProperty().get());
        assertTrue(model.savedLineProperty().get().startsWith("No team hub saved"), model.savedLineProperty().get());
        assertTrue(model.note().contains("next start"), model.note());
        assertTrue(model.note().contains("--attach on the command line wins"), model.note());
        assertEquals("This window is a single desk.", model.now());
        assertFalse(model.problemProperty().get().isEmpty(), "nothing to save yet");
    }

    @Test
    void urlsAndDeskNamesAreChecked() {
        TeamHubViewModel model = model(null);
        model.urlProperty().set("http://redis.example:6379");
        assertEquals("The team hub URL must start with redis:// or rediss://.", model.problemProperty().get());
        model.urlProperty().set("redis://redis.example:6379/zero");
        assertTrue(model.problemProperty().get().contains("database must be a number"), model.problemProperty().get());
        model.urlProperty().set("rediss://redis.example:6380");
        assertEquals("", model.problemProperty().get());
        model.deskProperty().set("  ");
        assertEquals("The desk name must be 1 to 64 characters.", model.problemProperty().get());
    }

    @Test
    void aTypedPasswordIsMaskedSavedAndNeverShownAgain() throws Exception {
        TeamHubViewModel model = model(null);
        model.urlProperty().set("rediss://ops:s3cr%40t@redis.example:6390/2");
        model.maskTypedPassword();
        assertEquals("rediss://ops:***@redis.example:6390/2", model.urlProperty().get());
        model.deskProperty().set("front desk");
        model.save().get(5, TimeUnit.SECONDS);
        assertEquals("Saved. Restart Switchboard to attach to rediss://ops:***@redis.example:6390/2 as desk front desk.",
                model.resultProperty().get());
        SavedTeamHub saved = SavedTeamHub.read(file()).orElseThrow();
        assertEquals("s3cr@t", saved.url().password());
        assertEquals("front desk", saved.desk());

        // the next Settings window: the password stays masked, and Save without retyping it keeps it
        TeamHubViewModel again = model("--attach");
        assertEquals("rediss://ops:***@redis.example:6390/2", again.urlProperty().get());
        assertEquals("front desk", again.deskProperty().get());
        assertTrue(again.hasSavedProperty().get());
        assertEquals("Saved: rediss://ops:***@redis.example:6390/2 as desk front desk.", again.savedLineProperty().get());
        assertTrue(again.note().contains("--attach on the command line wins over the saved hub now"), again.note());
        again.deskProperty().set("back desk");
        again.save().get(5, TimeUnit.SECONDS);
        assertTrue(again.resultProperty().get().endsWith("(--attach on the command line wins over it.)"),
                again.resultProperty().get());
        assertEquals(Optional.of("s3cr@t"), SavedTeamHub.read(file()).map(h -> h.url().password()));
        assertEquals("back desk", SavedTeamHub.read(file()).orElseThrow().desk());
        assertFalse(again.savedLineProperty().get().contains("s3cr"));
    }

    @Test
    void aMaskWithNoPasswordSavedIsRefusedInWords() throws Exception {
        TeamHubViewModel model = model(null);
        model.urlProperty().set("redis://:***@127.0.0.1:6379");
        assertTrue(model.save().handle((ok, e) -> e != null).get(5, TimeUnit.SECONDS));
        assertTrue(model.failedProperty().get());
        assertEquals("Not saved: No password is saved yet: type the URL with its password.", model.resultProperty().get());
        assertFalse(Files.exists(file()) && SavedTeamHub.read(file()).isPresent());
    }

    @Test
    void clearGoesBackToASingleDeskAtTheNextStart() throws Exception {
        SavedTeamHub.save(file(), new SavedTeamHub(dev.switchboard.config.HubAddress.parse("redis://10.1.1.1:6379"), "eve"));
        TeamHubViewModel model = model(null);
        assertTrue(model.hasSavedProperty().get());
        model.clear().get(5, TimeUnit.SECONDS);
        assertEquals("Cleared. Restart Switchboard to go back to a single desk.", model.resultProperty().get());
        assertEquals("", model.urlProperty().get());
        assertFalse(model.hasSavedProperty().get());
        assertEquals(Optional.empty(), SavedTeamHub.read(file()));
    }
}
