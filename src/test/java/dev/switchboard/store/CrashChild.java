package dev.switchboard.store;

import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.CallState;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.Speaker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process {@link CrashSafetyTest} kills: records one endless call (a raw event every 2 ms, the agent and the
 * caller taking turns, deltas streaming) and prints a line for everything once it is committed:
 * {@code EVENT <callId> <seq> <type>} and {@code ENTRY <callId> <key> <status> <text length>}.
 */
public final class CrashChild {

    public static final String CALL_ID = "rtc_crash";

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        HistoryStore store = HistoryStore.open(Path.of(args[0]));
        CallRecorder recorder = new CallRecorder(store, Clock.systemUTC());
        recorder.onCommit(batch -> {
            for (CommitBatch.EventRef e : batch.events()) {
                out.println("EVENT " + e.callId() + " " + e.seq() + " " + e.type());
            }
            for (CommitBatch.EntryRef e : batch.entries()) {
                out.println("ENTRY " + e.callId() + " " + e.key() + " " + e.status() + " " + e.text().length());
            }
            out.flush();
        });
        CallRegistry registry = new CallRegistry();
        recorder.attach(registry);
        Call call = new Call(CALL_ID, ScriptedCall.headers("+15551230001", "+15559870000"), Clock.systemUTC());
        registry.add(call);
        call.moveTo(CallState.ACCEPTING, "");
        call.moveTo(CallState.ACTIVE, "");
        out.println("READY");
        out.flush();

        AtomicInteger step = new AtomicInteger();
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        pace.scheduleAtFixedRate(() -> {
            int i = step.getAndIncrement();
            int turn = i / 12;
            String item = "item_" + turn;
            Speaker speaker = turn % 2 == 0 ? Speaker.AGENT : Speaker.CALLER;
            String type = i % 12 == 11 ? "response.output_audio_transcript.done" : "response.output_audio_transcript.delta";
            call.recordEvent(new RawEvent(Clock.systemUTC().instant(), RawEvent.Direction.IN, type,
                    "{\"type\":\"" + type + "\",\"event_id\":\"evt_" + i + "\"}"));
            if (i % 12 == 11) {
                call.completeUtterance(item, speaker, null);
            } else {
                call.appendDelta(item, speaker, "word" + i + " ");
            }
        }, 0, 2, TimeUnit.MILLISECONDS);
        new CountDownLatch(1).await(); // until killed
    }
}
