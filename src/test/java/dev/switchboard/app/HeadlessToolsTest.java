package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tools FILE} and {@code --mcp-approve} end to end against the simulator, and a malformed file. */
class HeadlessToolsTest {

    @TempDir
    Path workingDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return HeadlessMain.run(args, Map.of(), workingDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), 0);
    }

    @Test
    void everyFunctionCallIsAnsweredWithItsReplyAndPrinted() throws Exception {
        Files.writeString(workingDir.resolve("tools.json"), """
                {"tools":[{"type":"function","name":"lookup_order","description":"Find an order",
                           "parameters":{"type":"object","properties":{"order_id":{"type":"string"}}}}],
                 "replies":{"lookup_order":{"status":"shipped","carrier":"UPS"}}}""");
        int exit = run("--headless", "--demo", "--port", "0", "--data-dir", workingDir.resolve("data").toString(),
                "--tools", "tools.json", "--mcp-approve", "always");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        List<String> tools = printed.lines().filter(l -> l.contains("] tool: ")).toList();
        // one call in the order lookup, two parallel ones
        assertEquals(3, tools.size(), printed);
        for (String line : tools) {
            assertTrue(line.matches("\\[rtc_\\w+] tool: lookup_order\\(\\{\"order_id\":\"451[78]\"}\\) -> "
                    + "\\{\"status\":\"shipped\",\"carrier\":\"UPS\"}"), line);
        }
        assertTrue(printed.contains("agent: Your order 4517 has shipped with UPS"), "the agent used the output: " + printed);
        assertTrue(printed.contains("agent: Order 4517 arrives on Thursday, and order 4518 ships tomorrow."), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches("\\[rtc_\\w+] mcp approval: billing\\.issue_refund -> approved")),
                printed);
        assertTrue(printed.contains("agent: Done: your refund for order 4517 is on its way."), printed);
    }

    @Test
    void withoutARepliesEntryTheCallGetsAnErrorAndApprovalsAreDeniedByDefault() throws Exception {
        Files.writeString(workingDir.resolve("tools.json"), "{\"tools\":[], \"replies\":{}}");
        int exit = run("--headless", "--demo", "--port", "0", "--data-dir", workingDir.resolve("data").toString(),
                "--tools", "tools.json");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed + err);
        assertTrue(printed.lines().anyMatch(l -> l.endsWith(
                "-> {\"error\":\"no reply configured for lookup_order\"}")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.endsWith("mcp approval: billing.issue_refund -> denied")), printed);
        assertTrue(printed.contains("agent: I'm sorry, I'm not allowed to issue that refund"), printed);
    }

    @Test
    void aMalformedToolsFileExitsOneWithOneLineNamingFileProblemAndPointer() throws Exception {
        Files.writeString(workingDir.resolve("bad.json"), """
                {"tools":[{"type":"function","name":"ok"},{"type":"function","name":"lookup","parameters":"x"}]}""");
        int exit = run("--headless", "--demo", "--port", "0", "--tools", "bad.json");
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertEquals(1, error.lines().count(), error);
        assertTrue(error.contains("bad.json") && error.contains("/tools/1/parameters")
                && error.contains("parameters must be a JSON Schema object"), error);
        assertFalse(error.contains("Exception") || error.contains("\tat "), error);

        err.reset();
        Files.writeString(workingDir.resolve("broken.json"), "{\"tools\":[");
        assertEquals(1, run("--headless", "--demo", "--port", "0", "--tools", "broken.json"));
        String broken = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, broken.lines().count(), broken);
        assertTrue(broken.contains("broken.json: not valid JSON"), broken);

        err.reset();
        assertEquals(1, run("--headless", "--demo", "--port", "0", "--tools", "missing.json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.json: cannot be read"));
    }
}
