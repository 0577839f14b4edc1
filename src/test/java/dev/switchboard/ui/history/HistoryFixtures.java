package dev.switchboard.ui.history;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.SipHeader;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TokenUsage;
import dev.switchboard.store.CallRecorder;
import dev.switchboard.store.HistoryStore;
import dev.switchboard.history.ProfileVersion;
import dev.switchboard.ui.TestClock;
import java.time.Duration;
import java.util.List;

/** Stored calls for the history tests, recorded the way the app records them (a Call + CallRecorder). */
public final class HistoryFixtures {

    public static final String SECRET = "sk-proj-Zq8TfakeKeyNeverShownAnywhere0123456789WXYZ";

    private HistoryFixtures() {
    }

    /** Two calls a day apart: Dana asks about a refund (with profile Support EN v1), Marcus about an invoice. */
    public static void recordTwoCalls(HistoryStore store) {
        TestClock clock = new TestClock();
        ProfileVersion support = store.profiles().create("Support EN", AcceptSettings.defaults());
        try (CallRecorder recorder = new CallRecorder(store, clock)) {
            record(recorder, clock, "rtc_dana", "Dana Whitfield", "+15551230001", support,
                    "Hello, this is Switchboard support.",
                    "Hi, I want a refund for order 4471, the desk arrived broken.",
                    "I'm sorry to hear that. I've started the refund for order 4471.");
            clock.advance(Duration.ofDays(1));
            record(recorder, clock, "rtc_marcus", "Marcus Oyelaran", "+15551230002", null,
                    "Hello, this is Switchboard billing.",
                    "My invoice shows a charge I don't recognise.",
                    "Let me look at that invoice with you. My key is " + SECRET);
            recorder.flush();
        }
    }

    private static void record(CallRecorder recorder, TestClock clock, String id, String name, String number,
                               ProfileVersion profile, String agent1, String caller, String agent2) {
        Call call = new Call(id, List.of(
                new SipHeader("From", "\"" + name + "\" <sip:" + number + "@pstn.twilio.com>;tag=1"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>")), clock);
        recorder.record(call);
        call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.IN, "realtime.call.incoming",
                "{\"type\":\"realtime.call.incoming\"}"));
        if (profile != null) {
            recorder.tagProfile(id, profile);
        }
        clock.advance(Duration.ofSeconds(2));
        call.useSettings(profile == null ? AcceptSettings.defaults().withVoice("cedar") : profile.settings());
        call.moveTo(CallState.ACCEPTING, "");
        call.mark(Milestone.ACCEPT_SENT);
        clock.advance(Duration.ofMillis(400));
        call.mark(Milestone.ACCEPT_ANSWERED);
        call.moveTo(CallState.ACTIVE, "");
        say(call, clock, id + "-a1", Speaker.AGENT, agent1);
        say(call, clock, id + "-c1", Speaker.CALLER, caller);
        say(call, clock, id + "-a2", Speaker.AGENT, agent2);
        call.addUsage(new TokenUsage("resp_" + id, 400, 50, 450));
        clock.advance(Duration.ofSeconds(5));
        call.mark(Milestone.ENDED);
        call.moveTo(CallState.ENDED, "caller hung up");
    }

    private static void say(Call call, TestClock clock, String item, Speaker speaker, String text) {
        clock.advance(Duration.ofSeconds(3));
        call.itemAdded(item, speaker, null);
        call.completeUtterance(item, speaker, text);
    }
}
