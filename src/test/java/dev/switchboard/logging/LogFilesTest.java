package dev.switchboard.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFilesTest {

    private static final Path HOME = Path.of("/home/dana");
    private static final Path WORK = Path.of("/work/here");

    @Test
    void logsLiveInTheDataDirectory() {
        assertEquals(Path.of("/home/dana/.local/share/switchboard/logs"),
                LogFiles.directoryFor(new String[] {"--headless"}, Map.of(), "Linux", HOME, WORK));
        assertEquals(Path.of("/home/dana/Library/Application Support/Switchboard/logs"),
                LogFiles.directoryFor(new String[0], Map.of(), "Mac OS X", HOME, WORK));
    }

    @Test
    void dataDirFlagWinsInBothFormsAndIsRelativeToTheWorkingDirectory() {
        assertEquals(Path.of("/tmp/sb/logs"),
                LogFiles.directoryFor(new String[] {"--data-dir", "/tmp/sb", "--demo"}, Map.of(), "Linux", HOME, WORK));
        assertEquals(Path.of("/work/here/data/logs"),
                LogFiles.directoryFor(new String[] {"--data-dir=data"}, Map.of(), "Linux", HOME, WORK));
    }

    @Test
    void aDanglingFlagFallsBackToTheDefault() {
        assertEquals(Path.of("/home/dana/.local/share/switchboard/logs"),
                LogFiles.directoryFor(new String[] {"--data-dir"}, Map.of(), "Linux", HOME, WORK));
    }
}
