package dev.switchboard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AppVersionTest {

    @Test
    void manifestThenAppImageThenDev() {
        assertEquals("0.1.0", AppVersion.resolve("0.1.0", "0.0.9"));
        assertEquals("0.0.9", AppVersion.resolve(null, "0.0.9"));
        assertEquals("0.0.9", AppVersion.resolve(" ", " 0.0.9 "));
        assertEquals(AppVersion.DEVELOPMENT, AppVersion.resolve(null, null));
    }
}
