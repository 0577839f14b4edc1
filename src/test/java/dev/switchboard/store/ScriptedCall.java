package dev.switchboard.store;

import dev.switchboard.call.ManualClock;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TokenUsage;
import java.time.Instant;
import java.util.List;

/** Plays a short, realistic support call into a {@link Call}, the way the monitor would, on a fixed clock. */
public final class ScriptedCall {

    public static final Instant START = Instant.parse("2025-03-04T10:15:30Z");

    private ScriptedCall() {
    }

    public static List<SipHeader> headers(String callerNumber, String calleeNumber) {
        return List.of(new SipHeader("From", "\"Dana Reyes\" <sip:" + callerNumber + "@pstn.example.net>;tag=a1"),
                new SipHeader("To", "<sip:" + calleeNumber + "@sip.api.openai.com>"),
                new SipHeader("Call-ID", "abc123@pstn.example.net"));
    }

    public static Call newCall(String id, ManualClock clock) {
        return new Call(id, headers("+15551230001", "+15559870000"), clock);
    }

    public static void event(Call call, ManualClock clock, RawEvent.Direction direction, String type, String extra) {
        call.recordEvent(new RawEvent(clock.instant(), direction, type,
                "{\"type\":\"" + type + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}"));
    }

    /** The whole call, ending with the caller hanging up. */
    public static Call play(String id, ManualClock clock) {
        Call call = newCall(id, clock);
        playOn(call, clock, true);
        return call;
    }

    public static void playOn(Call call, ManualClock clock, boolean end) {
        clock.advanceMillis(1200);
        call.moveTo(CallState.ACCEPTING, "");
        call.useSettings(AcceptSettings.defaults().withVoice("cedar"));
        call.mark(Milestone.ACCEPT_SENT);
        clock.advanceMillis(300);
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.moveTo(CallState.ACTIVE, "");
        call.reportAction("Accepted.");
        clock.advanceMillis(150);
        call.mark(Milestone.SOCKET_OPEN);
        event(call, clock, RawEvent.Direction.OUT, "response.create", "\"event_id\":\"evt_out_1\"");
        clock.advanceMillis(400);
        event(call, clock, RawEvent.Direction.IN, "conversation.item.added", "\"event_id\":\"evt_1\"");
        call.itemAdded("item_a1", Speaker.AGENT, null);
        for (String delta : new String[] {"Thank you for calling, ", "how can I ", "help?"}) {
            clock.advanceMillis(120);
            event(call, clock, RawEvent.Direction.IN, "response.output_audio_transcript.delta", "\"delta\":\"" + delta + "\"");
            call.appendDelta("item_a1", Speaker.AGENT, delta);
        }
        clock.advanceMillis(200);
        event(call, clock, RawEvent.Direction.IN, "response.output_audio_transcript.done", "\"event_id\":\"evt_5\"");
        call.completeUtterance("item_a1", Speaker.AGENT, "Thank you for calling, how can I help?");
        event(call, clock, RawEvent.Direction.IN, "response.done", "\"event_id\":\"evt_6\"");
        call.addUsage(new TokenUsage("resp_1", 120, 40, 160));
        clock.advanceMillis(2500);
        call.itemAdded("item_c1", Speaker.CALLER, "item_a1");
        event(call, clock, RawEvent.Direction.IN, "conversation.item.input_audio_transcription.completed",
                "\"event_id\":\"evt_7\"");
        call.completeUtterance("item_c1", Speaker.CALLER, "Hi, I think I was charged twice for my order.");
        clock.advanceMillis(800);
        call.dtmf("2");
        event(call, clock, RawEvent.Direction.IN, "input_audio_buffer.dtmf_event_received", "\"event\":\"2\"");
        clock.advanceMillis(600);
        call.itemAdded("item_a2", Speaker.AGENT, "item_c1");
        call.appendDelta("item_a2", Speaker.AGENT, "I'm sorry about the double charge. ");
        clock.advanceMillis(700);
        call.completeUtterance("item_a2", Speaker.AGENT,
                "I'm sorry about the double charge. I've refunded the second payment.");
        event(call, clock, RawEvent.Direction.IN, "response.done", "\"event_id\":\"evt_9\"");
        call.addUsage(new TokenUsage("resp_2", 300, 60, 360));
        clock.advanceMillis(400);
        call.note("tool call refund({\"order\":\"A-1001\"})");
        clock.advanceMillis(1500);
        call.itemAdded("item_c2", Speaker.CALLER, "item_a2");
        call.failUtterance("item_c2", Speaker.CALLER, "transcription failed: audio unclear");
        if (end) {
            clock.advanceMillis(1000);
            call.moveTo(CallState.ENDED, "caller hung up");
        }
    }
}
