package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Team hub in the settings file: saved beside the connection settings, never lost by either save. */
class SavedTeamHubTest {

    private static final String KEY = "sk-proj-saved-in-the-window-0000";
    private static final String SECRET = "whsec_" + "A".repeat(43) + "=";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(SavedSettings.FILE_NAME);
    }

    @Test
    void savesLoadsAndClearsOwnerOnlyKeepingTheOtherSettings() throws IOException {
        SavedSettings.save(file(), KEY, SECRET, 8123, "127.0.0.1", "https://api.openai.com/v1", Set.of());
        SavedTeamHub.save(file(), new SavedTeamHub(HubAddress.parse("rediss://ops:p%40ss%20w@redis.example:6390/2"), "alice"));

        SavedTeamHub loaded = SavedTeamHub.read(file()).orElseThrow();
        assertEquals("ops", loaded.url().user());
        assertEquals("p@ss w", loaded.url().password());
        assertEquals("redis.example", loaded.url().host());
        assertEquals(6390, loaded.url().port());
        assertEquals(2, loaded.url().database());
        assertTrue(loaded.url().tls());
        assertEquals("alice", loaded.desk());
        assertEquals("rediss://ops:***@redis.example:6390/2 as desk alice", loaded.toString());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        }
        assertEquals(KEY, SavedSettings.read(file()).get(SavedSettings.API_KEY), "the team hub's save kept the key");

        // the connection settings' save keeps the team hub
        SavedSettings.save(file(), KEY, SECRET, 9000, "127.0.0.1", "https://api.openai.com/v1", Set.of());
        assertEquals(Optional.of(loaded), SavedTeamHub.read(file()));

        SavedTeamHub.save(file(), null);
        assertEquals(Optional.empty(), SavedTeamHub.read(file()));
        assertEquals("9000", SavedSettings.read(file()).get(SavedSettings.PORT), "clearing kept the port");
    }

    @Test
    void theMaskKeepsTheSavedPasswordAndIsRefusedWhenNoneIsSaved() throws IOException {
        HubAddress masked = HubAddress.parse("redis://:***@10.0.0.7:6379");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> SavedTeamHub.save(file(), new SavedTeamHub(masked, "bob")));
        assertTrue(none.getMessage().contains("No password is saved yet"), none.getMessage());

        SavedTeamHub.save(file(), new SavedTeamHub(HubAddress.parse("redis://:hunter2@10.0.0.7:6379"), "bob"));
        SavedTeamHub.save(file(), new SavedTeamHub(HubAddress.parse("redis://:***@10.0.0.8:6380"), "bob-2"));
        SavedTeamHub again = SavedTeamHub.read(file()).orElseThrow();
        assertEquals("hunter2", again.url().password());
        assertEquals("10.0.0.8", again.url().host());
        assertEquals("bob-2", again.desk());
        assertTrue(Files.readString(file()).contains("hunter2"), "the file holds the password (owner-only)");
        assertFalse(again.toString().contains("hunter2"), again.toString());
    }

    @Test
    void deskNamesAreCheckedAndAnUnusableSavedUrlSaysWhy() throws IOException {
        assertEquals("", SavedTeamHub.deskProblem("front desk"));
        assertFalse(SavedTeamHub.deskProblem(" ").isEmpty());
        assertFalse(SavedTeamHub.deskProblem("x".repeat(65)).isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> SavedTeamHub.save(file(), new SavedTeamHub(HubAddress.parse("redis://h"), "")));

        Files.writeString(file(), "TEAM_HUB=http\\://not-redis\nTEAM_DESK=carol\n");
        IOException bad = assertThrows(IOException.class, () -> SavedTeamHub.read(file()));
        assertTrue(bad.getMessage().contains("redis://"), bad.getMessage());
    }

    @Test
    void theConnectionSettingsLoadIgnoresTheTeamHub() throws Exception {
        SavedTeamHub.save(file(), new SavedTeamHub(HubAddress.parse("redis://127.0.0.1:6399"), "dora"));
        List<String> problems = new ArrayList<>();
        SavedSettings.Loaded loaded = SavedSettings.load(new String[] {"--data-dir", dir.toString()}, Map.of(), dir,
                problems);
        assertEquals(List.of(), problems);
        assertFalse(loaded.config().commandLine().has("attach"));
        assertEquals(file(), loaded.file());
    }

    @Test
    void addressesRoundTripAndMaskTheirPassword() {
        HubAddress a = HubAddress.parse("redis://u%3Ax:pa%3As@[::1]:7000/3");
        assertEquals("u:x", a.user());
        assertEquals("pa:s", a.password());
        assertEquals(a, HubAddress.parse(a.toUrl()));
        assertEquals("redis://u%3Ax:***@[::1]:7000/3", a.toString());
        assertTrue(HubAddress.parse(a.toString()).passwordMasked());
        assertEquals("", HubAddress.problem("rediss://h"));
        assertTrue(HubAddress.problem("h:6379").contains("redis://"));
    }
}
