package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.history.ExperimentCall;
import dev.switchboard.history.ExperimentInfo;
import dev.switchboard.store.HistoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless experiment flags end to end against the embedded simulator, with the exact output lines. */
class HeadlessExperimentTest {

    static final String PROFILES = """
            {"format":"switchboard-profiles","formatVersion":1,"profiles":[
             {"name":"Support A","versions":[{"version":1,"savedAt":"2024-06-01T10:00:00Z","settings":{
              "instructions":"Variant A.","voice":"marin","model":"gpt-realtime","greeting":"Hello, A here.",
              "transcriptionModel":"gpt-4o-mini-transcribe","turnDetection":"semantic_vad"}}]},
             {"name":"Support B","versions":[{"version":1,"savedAt":"2024-06-01T10:00:00Z","settings":{
              "instructions":"Variant B.","voice":"cedar","model":"gpt-realtime","greeting":"Hi, B here.",
              "transcriptionModel":"gpt-4o-mini-transcribe","turnDetection":"semantic_vad"}}]}]}
            """;

    @TempDir
    Path workingDir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadlessMain.run(args, Map.of(), workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importThenAbWithAnalysisAndReports() throws Exception {
        Files.writeString(workingDir.resolve("profiles.json"), PROFILES);
        Run imported = run("--import-profiles", "profiles.json", "--data-dir", "data");
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(List.of("switchboard: profile Support A v1", "switchboard: profile Support B v1"),
                imported.out().lines().toList());

        Run demo = run("--headless", "--demo", "--port", "0", "--data-dir", "data", "--ab", "Support A,Support B",
                "--analyze", "--report-dir", "reports");
        assertEquals(0, demo.exit(), demo.out() + demo.err());
        Pattern analysis = Pattern.compile(
                "\\[(rtc_\\w+)] analysis: score=[1-5]\\.\\d outcome=(resolved|transferred|abandoned|other) summary=\\S.*");
        Pattern report = Pattern.compile("\\[(rtc_\\w+)] report: (.+\\.html)");
        List<String> lines = demo.out().lines().toList();
        List<String> analysed = lines.stream().map(analysis::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), analysed.size(), demo.out());
        for (String line : lines) {
            Matcher m = report.matcher(line);
            if (m.matches()) {
                Path file = Path.of(m.group(2));
                assertEquals(workingDir.resolve("reports").resolve(m.group(1) + ".html"), file);
                String html = Files.readString(file);
                assertTrue(html.contains("id=\"waterfall\""), html);
                assertFalse(html.contains("http://") || html.contains("https://"), "no URL in " + file);
            }
        }
        assertEquals(HeadlessMain.DEMO_SEQUENCE.size(), lines.stream().filter(l -> report.matcher(l).matches()).count());
        // each call's post-call lines come after its summary line
        for (String id : analysed) {
            int summary = indexOf(lines, "[" + id + "] summary:");
            assertTrue(summary >= 0 && summary < indexOf(lines, "[" + id + "] analysis:"), demo.out());
        }

        try (HistoryStore store = HistoryStore.openIn(workingDir.resolve("data"))) {
            ExperimentInfo experiment = store.experiments().list().get(0);
            List<ExperimentCall> calls = store.experiments().calls(experiment.id());
            // one call per demo scenario, arms alternating in arrival order from the first listed
            assertEquals(java.util.stream.IntStream.range(0, HeadlessMain.DEMO_SEQUENCE.size()).map(i -> i % 2).boxed()
                    .toList(), calls.stream().map(ExperimentCall::arm).toList(), "strict alternation");
            assertEquals("Support A", store.load(calls.get(0).callId()).orElseThrow().profileRef().orElseThrow().name());
            assertEquals("Support B", store.load(calls.get(1).callId()).orElseThrow().profileRef().orElseThrow().name());
            assertTrue(store.analyses().load(calls.get(0).callId()).orElseThrow().isDone());
        }
    }

    @Test
    void aBadProfilesFileIsOneLineAndExitOne() throws Exception {
        Files.writeString(workingDir.resolve("bad.json"), "{\"format\":\"something-else\"}");
        Run bad = run("--import-profiles", "bad.json", "--data-dir", "data");
        assertEquals(1, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("switchboard: cannot import profiles"), bad.err());
        Run missing = run("--import-profiles", "missing.json", "--data-dir", "data");
        assertEquals(1, missing.exit());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Run broken = run("--import-profiles", "bad.json", "--data-dir", "data");
        Files.writeString(workingDir.resolve("bad.json"), "{not json");
        broken = run("--import-profiles", "bad.json", "--data-dir", "data");
        assertEquals(1, broken.exit());
        assertEquals(1, broken.err().lines().count(), broken.err());
    }

    @Test
    void abNeedsSavedProfiles() {
        Run run = run("--headless", "--demo", "--port", "0", "--data-dir", "data", "--ab", "Nope,Other");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no profile named 'Nope'"), run.err());
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
