package dev.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTest {

    private static Call newCall() {
        return new Call("rtc_1", List.of(
                new SipHeader("From", "\"Dana \\\"D\\\" Whitfield\" <sip:+15551230001@pstn.twilio.com>;tag=64a1"),
                new SipHeader("To", "<sip:+15559870000@sip.api.openai.com>"),
                new SipHeader("Call-ID", "abc@0.0.0.0")), Clock.systemUTC());
    }

    @Test
    void partiesComeFromTheSipHeaders() {
        Call call = newCall();
        assertEquals("Dana \"D\" Whitfield", call.caller().displayName());
        assertEquals("+15551230001", call.caller().number());
        assertEquals("", call.callee().displayName());
        assertEquals("+15559870000", call.callee().number());
        assertEquals("abc@0.0.0.0", call.header("call-id").orElseThrow());
    }

    @Test
    void sipAddressFormsAreParsedDefensively() {
        assertEquals("+1555", SipAddress.parse("sip:+1555@host;tag=1").number());
        assertEquals("Bob", SipAddress.parse("Bob <tel:+1444>").displayName());
        assertEquals("+1444", SipAddress.parse("Bob <tel:+1444>").number());
        assertEquals("unknown", SipAddress.parse(null).number());
        assertEquals("garbage", SipAddress.parse("garbage").number());
    }

    @Test
    void compactHeaderNamesAndUpperCaseSchemesAreUnderstood() {
        Call call = new Call("rtc_2", List.of(new SipHeader("f", "\"Bo\" <SIP:+15550001111@carrier>;tag=9"),
                new SipHeader("t", "<TEL:+15559990000>")), Clock.systemUTC());
        assertEquals("+15550001111", call.caller().number());
        assertEquals("Bo", call.caller().displayName());
        assertEquals("+15559990000", call.callee().number());
    }

    @Test
    void stateMachineRefusesImpossibleMoves() {
        Call call = newCall();
        assertFalse(call.moveTo(CallState.ACTIVE, ""), "ringing cannot become active without accepting");
        assertTrue(call.moveTo(CallState.ACCEPTING, ""));
        assertTrue(call.moveTo(CallState.RINGING, "accept failed"), "a failed accept can be retried");
        assertTrue(call.moveTo(CallState.ACCEPTING, ""));
        assertTrue(call.moveTo(CallState.ACTIVE, ""));
        assertFalse(call.moveTo(CallState.REJECTED, ""));
        assertTrue(call.moveTo(CallState.ENDED, "caller hung up"));
        assertFalse(call.moveTo(CallState.FAILED, ""), "terminal states are final");
        assertEquals("caller hung up", call.stateReason());
        assertTrue(call.timeline().containsKey(Milestone.ENDED));
    }

    @Test
    void lateCallerTranscriptionKeepsItsPlaceBeforeTheAnswer() {
        Call call = newCall();
        call.itemAdded("u1", Speaker.CALLER, null);
        call.appendDelta("a1", Speaker.AGENT, "Sure");
        call.appendDelta("a1", Speaker.AGENT, ", glad to help.");
        call.completeUtterance("u1", Speaker.CALLER, "Can you help me?");
        call.itemAdded("u2", Speaker.CALLER, "a1");
        call.failUtterance("u2", Speaker.CALLER, "transcription failed");

        List<TranscriptEntry> lines = call.transcript();
        assertEquals(List.of("u1", "a1", "u2"), lines.stream().map(TranscriptEntry::key).toList());
        assertEquals("Can you help me?", lines.get(0).text());
        assertEquals("Sure, glad to help.", lines.get(1).text());
        assertEquals(TranscriptEntry.Status.STREAMING, lines.get(1).status());
        assertEquals(TranscriptEntry.Status.FAILED, lines.get(2).status());
    }

    @Test
    void previousItemIdPlacesAnItemRightAfterIt() {
        Call call = newCall();
        call.itemAdded("a1", Speaker.AGENT, null);
        call.itemAdded("a2", Speaker.AGENT, "a1");
        call.itemAdded("u1", Speaker.CALLER, "a1");
        assertEquals(List.of("a1", "u1", "a2"), call.transcript().stream().map(TranscriptEntry::key).toList());
    }

    @Test
    void completionReplacesStreamedTextAndLaterDeltasAreIgnored() {
        Call call = newCall();
        call.appendDelta("a1", Speaker.AGENT, "Helo");
        call.completeUtterance("a1", Speaker.AGENT, "Hello.");
        call.appendDelta("a1", Speaker.AGENT, " stray");
        assertEquals("Hello.", call.utteranceText("a1"));
    }

    @Test
    void listenersHearEachKindOfChange() {
        Call call = newCall();
        List<CallChange> changes = new ArrayList<>();
        call.addListener((c, change) -> changes.add(change));
        call.dtmf("7");
        call.addUsage(new TokenUsage("r1", 10, 5, 15));
        call.addUsage(new TokenUsage("r2", 1, 1, 2));
        call.mark(Milestone.SOCKET_OPEN);
        call.mark(Milestone.SOCKET_OPEN);
        assertEquals(List.of(CallChange.TRANSCRIPT, CallChange.USAGE, CallChange.USAGE, CallChange.TIMELINE), changes);
        assertEquals(17, call.totalUsage().totalTokens());
        assertEquals(List.of("7"), call.dtmfKeys());
    }

    @Test
    void defaultSettingsAreValidAndProblemsAreNamed() {
        assertTrue(AcceptSettings.defaults().isValid());
        assertEquals("Thank you for calling, how can I help?", AcceptSettings.defaults().greeting());
        List<String> problems = AcceptSettings.defaults().withInstructions(" ").withVoice("robot")
                .withModel("gpt-4o").withTranscriptionModel("nope").problems();
        assertEquals(4, problems.size(), problems.toString());
    }
}
