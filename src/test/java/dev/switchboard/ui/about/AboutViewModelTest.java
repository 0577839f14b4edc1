package dev.switchboard.ui.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.switchboard.config.AppVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AboutViewModelTest {

    private final Path logs = Path.of("/home/me/.local/share/switchboard/logs");

    @Test
    void versionJavaAndJavaFx() {
        AboutViewModel about = AboutViewModel.of("0.1.0", "17.0.9", "Eclipse Adoptium", "21.0.11", logs);
        assertEquals("Switchboard", about.name());
        assertEquals("Version 0.1.0", about.versionText());
        assertEquals("Java 17.0.9 (Eclipse Adoptium) \u00b7 JavaFX 21.0.11", about.runtimeText());
        assertEquals(logs, about.logFolder());
        assertFalse(about.description().isBlank());
    }

    @Test
    void aBuildFromTheSourcesSaysSo() {
        assertEquals("Development build",
                AboutViewModel.of(AppVersion.DEVELOPMENT, "17", null, null, logs).versionText());
        assertEquals("Java 17 \u00b7 JavaFX unknown", AboutViewModel.of("dev", "17", "", null, logs).runtimeText());
    }

    @Test
    void currentUsesAppVersion() {
        String expected = AppVersion.current().equals(AppVersion.DEVELOPMENT) ? "Development build"
                : "Version " + AppVersion.current();
        assertEquals(expected, AboutViewModel.current(logs).versionText());
    }
}
