package dev.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.SipHeader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Headless prints a line only once what it reports is committed, in the order things happened. */
class HeadlessPrinterDurabilityTest {

    @Test
    void linesWaitForTheirCommitAndKeepTheirOrder() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<CompletableFuture<Void>> commits = new CopyOnWriteArrayList<>();
        HeadlessPrinter printer = new HeadlessPrinter(out, () -> {
            CompletableFuture<Void> commit = new CompletableFuture<>();
            commits.add(commit);
            return commit;
        });
        Call call = new Call("rtc_p", List.of(new SipHeader("From", "<sip:+15551230001@x>")), Clock.systemUTC());
        printer.follow(call);
        call.moveTo(CallState.ACCEPTING, "");
        call.moveTo(CallState.FAILED, "accept failed: OpenAI refused the request (400): Invalid model");
        printer.awaitQueued(); // every line has asked for its commit
        assertEquals(4, commits.size());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing is printed before it is committed");

        commits.get(1).complete(null); // a later commit alone does not let its line jump the queue
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        commits.forEach(c -> c.complete(null));
        printer.awaitPrinted();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // a call that ended also gets its summary line, after the state lines
        assertEquals(4, lines.length, String.join("|", lines));
        assertTrue(lines[0].startsWith("[rtc_p] state: ringing"));
        assertEquals("[rtc_p] state: accepting", lines[1]);
        assertEquals("[rtc_p] state: failed (accept failed: OpenAI refused the request (400): Invalid model)", lines[2]);
        assertTrue(lines[3].startsWith("[rtc_p] summary: turns=0 "), lines[3]);
    }
}
