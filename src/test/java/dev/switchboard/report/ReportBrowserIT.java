package dev.switchboard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The golden call report rendered in a real headless browser (Debian's Chromium): the page renders, the waterfall
 * chart is in the DOM with its bars, the console shows no error, and a screenshot is saved under target/. In CI a
 * missing Chromium fails (.ci/run installs it); on a developer machine without it the test is skipped.
 */
class ReportBrowserIT {

    private static final Path PAGE = Path.of("src", "test", "resources", "golden", "report-call.html");

    @Test
    void reportRendersWithItsChartAndNoConsoleErrors() throws Exception {
        Path chromium = findChromium();
        Path target = Path.of("target");
        Files.createDirectories(target);
        String url = PAGE.toAbsolutePath().toUri().toString();

        Result dom = run(chromium, "--enable-logging=stderr", "--v=0", "--dump-dom", url);
        assertEquals(0, dom.exit(), dom.err());
        assertTrue(dom.out().contains("<svg id=\"waterfall\""), "the chart is in the rendered DOM");
        assertTrue(dom.out().contains("class=\"wait\"") && dom.out().contains("class=\"speak\""), "its bars");
        assertTrue(dom.out().contains("id=\"transcript\"") && dom.out().contains("id=\"analysis\""));
        List<String> problems = new ArrayList<>();
        for (String line : dom.err().lines().toList()) {
            // the page has no script: any console line at all (Chromium does not print its level) is a problem
            if (line.contains("Uncaught") || line.contains(":CONSOLE")
                    || line.contains("ERR_FILE_NOT_FOUND") || line.contains("Refused to")) {
                problems.add(line);
            }
        }
        assertEquals(List.of(), problems, "console errors");

        Path shot = target.resolve("report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        Result screenshot = run(chromium, "--screenshot=" + shot, "--window-size=1280,2000", url);
        assertEquals(0, screenshot.exit(), screenshot.err());
        assertTrue(Files.size(shot) > 10_000, "a real screenshot, not an empty page");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Path chromium, String... args) throws Exception {
        Path profile = Files.createTempDirectory("switchboard-chromium");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish in 20 s: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        if (System.getenv("CI") != null) {
            fail("Chromium is not installed: .ci/run installs it (apt-get install -y chromium)");
        }
        Assumptions.abort("Chromium is not installed (apt-get install -y chromium); CI runs this test");
        return null;
    }
}
