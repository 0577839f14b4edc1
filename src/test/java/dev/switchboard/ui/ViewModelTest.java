package dev.switchboard.ui;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallState;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.ui.accept.AcceptViewModel;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.inspector.InspectorViewModel;
import dev.switchboard.ui.main.SwitchboardViewModel;
import dev.switchboard.ui.steering.SteeringViewModel;
import dev.switchboard.ui.transcript.TranscriptLine;
import dev.switchboard.ui.transcript.TranscriptViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** View models without the JavaFX toolkit: properties and observable lists work on any thread. */
class ViewModelTest {

    private final TestClock clock = new TestClock();
    private final FakeBackend backend = new FakeBackend(clock, false);

    @Nested
    class Accept {

        private final AcceptViewModel accept = new AcceptViewModel(AcceptSettings.defaults());
        private final CallRowViewModel ringing = new CallRowViewModel(backend.ring());

        Accept() {
            accept.targetProperty().set(ringing);
        }

        @Test
        void defaultsCanBeSentToARingingCall() {
            assertFalse(accept.isAcceptDisabled());
            assertEquals("", accept.disabledReasonProperty().get());
            assertEquals(AcceptSettings.defaults(), accept.settings());
        }

        @Test
        void emptyInstructionsDisableAcceptWithTheReason() {
            accept.instructionsProperty().set("   ");
            assertTrue(accept.isAcceptDisabled());
            assertEquals("Instructions are empty.", accept.disabledReasonProperty().get());

            accept.instructionsProperty().set("Be brief.");
            assertFalse(accept.isAcceptDisabled());
        }

        @Test
        void everyProblemIsListed() {
            accept.voiceProperty().set("robot");
            accept.modelProperty().set("gpt-4o");
            List<String> reasons = List.of(accept.disabledReasonProperty().get().split("\n"));
            assertEquals(2, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).startsWith("Voice 'robot'"));
            assertTrue(reasons.get(1).startsWith("Model 'gpt-4o'"));
        }

        @Test
        void transcriptionOffMeansNoCallerTranscript() {
            accept.transcriptionProperty().set(AcceptViewModel.NO_TRANSCRIPTION);
            assertFalse(accept.settings().transcribesCaller());
            assertFalse(accept.isAcceptDisabled());
        }

        @Test
        void aCallThatStoppedRingingCannotBeAccepted() {
            ringing.call().moveTo(CallState.MISSED, "caller hung up");
            ringing.refresh();
            assertTrue(accept.isAcceptDisabled());
            assertEquals("The call is no longer ringing.", accept.disabledReasonProperty().get());
            assertTrue(accept.isRejectDisabled());
        }

        @Test
        void resetGoesBackToTheLastUsedSettings() {
            AcceptSettings used = AcceptSettings.defaults().withVoice("cedar").withInstructions("Speak like a pirate.");
            accept.remember(used);
            accept.instructionsProperty().set("something else");
            accept.resetToLastUsed();
            assertEquals(used, accept.settings());
        }
    }

    @Nested
    class Transcript {

        private final Call call = backend.ring();
        private final TranscriptViewModel transcript = new TranscriptViewModel();

        @Test
        void showsEntriesOfTheCallWithTimesSinceItCameIn() {
            clock.advance(Duration.ofSeconds(65));
            call.appendDelta("a1", Speaker.AGENT, "Hello");
            call.dtmf("7");
            transcript.show(call);

            List<TranscriptLine> lines = transcript.lines();
            assertEquals(2, lines.size());
            assertEquals("01:05", lines.get(0).timestamp());
            assertEquals(Speaker.AGENT, lines.get(0).speaker());
            assertEquals("Pressed 7", lines.get(1).markerText());
            assertEquals("[01:05] Agent: Hello\n[01:05] — Pressed 7 —", transcript.copyAllText());
        }

        @Test
        void streamingUpdatesTheSameLineInPlace() {
            transcript.show(call);
            call.appendDelta("c1", Speaker.CALLER, "Where is ");
            transcript.refresh();
            TranscriptLine line = transcript.lines().get(0);
            call.appendDelta("c1", Speaker.CALLER, "my order?");
            transcript.refresh();
            assertSame(line, transcript.lines().get(0));
            assertEquals("Where is my order?", line.text());
        }

        @Test
        void itemsArrivingLateTakeTheirPlaceByPreviousItem() {
            transcript.show(call);
            call.itemAdded("c1", Speaker.CALLER, null);
            call.appendDelta("a1", Speaker.AGENT, "Sure.");
            transcript.refresh();
            call.itemAdded("c2", Speaker.CALLER, "c1");
            call.completeUtterance("c2", Speaker.CALLER, "late words");
            transcript.refresh();
            assertEquals(List.of("c1", "c2", "a1"), transcript.lines().stream().map(TranscriptLine::key).toList());
        }

        @Test
        void failedTranscriptionIsMarked() {
            transcript.show(call);
            call.failUtterance("c1", Speaker.CALLER, "");
            transcript.refresh();
            TranscriptLine line = transcript.lines().get(0);
            assertTrue(line.isFailed());
            assertTrue(line.copyText().endsWith("(transcription failed)"));
        }

        @Test
        void aCallerLineShowsItsDiarizedSpeakerAndNothingWithoutOne() {
            transcript.show(call);
            call.completeUtterance("c1", Speaker.CALLER, "Hi, it's me.");
            call.completeUtterance("a1", Speaker.AGENT, "Hello!");
            call.completeUtterance("c2", Speaker.CALLER, "And me.");
            transcript.refresh();
            TranscriptLine first = transcript.lines().get(0);
            assertEquals("", first.speakerTag(), "no segments: no tag");
            String before = first.copyText();

            call.turns().speakerSegment(new dev.switchboard.call.SpeakerSegment("c1", "s1", "A", 0, 0.8, "Hi,"));
            call.turns().speakerSegment(new dev.switchboard.call.SpeakerSegment("c1", "s2", "A", 0.8, 1.4, "it's me."));
            call.turns().speakerSegment(new dev.switchboard.call.SpeakerSegment("c2", "s3", "speaker_1", 0, 1, "And"));
            call.turns().speakerSegment(new dev.switchboard.call.SpeakerSegment("c2", "s4", "A", 1, 2, "me."));
            transcript.refresh();
            assertSame(first, transcript.lines().get(0), "the same line, tagged in place");
            assertEquals("Speaker A", first.speakerTag());
            assertEquals("", transcript.lines().get(1).speakerTag(), "agent lines carry none");
            assertEquals("Speakers 1, A", transcript.lines().get(2).speakerTag());
            assertEquals(before.replace("Caller:", "Caller (Speaker A):"), first.copyText());
        }

        @Test
        void speakingFollowsVoiceActivity() {
            transcript.show(call);
            call.speaking(Speaker.CALLER, true);
            transcript.refresh();
            assertTrue(transcript.callerSpeakingProperty().get());
            assertFalse(transcript.agentSpeakingProperty().get());
        }
    }

    @Nested
    class Coalescing {

        /** Stands in for the FX thread: tasks wait until the test lets a "pulse" run them. */
        private final Queue<Runnable> fxQueue = new ArrayDeque<>();
        private final UiDispatcher queued = fxQueue::add;

        private void pulse() {
            Runnable task;
            while ((task = fxQueue.poll()) != null) {
                task.run();
            }
        }

        @Test
        void aThousandDeltasWhileTheUiIsBusyCostOneRefresh() throws Exception {
            Call call = backend.ring();
            TranscriptViewModel transcript = new TranscriptViewModel();
            transcript.show(call);
            AtomicInteger refreshes = new AtomicInteger();
            CallRefreshCoalescer coalescer = new CallRefreshCoalescer(queued, c -> {
                refreshes.incrementAndGet();
                transcript.refresh();
            });
            call.addListener((c, change) -> coalescer.markDirty(c));

            Thread io = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    call.appendDelta("a1", Speaker.AGENT, "w" + i + " ");
                }
            });
            io.start();
            io.join();

            assertEquals(1, fxQueue.size(), "one scheduled UI task for the whole burst");
            pulse();
            assertEquals(1, refreshes.get());
            assertTrue(transcript.lines().get(0).text().endsWith("w999 "));
        }

        @Test
        void deltasSpreadOverPulsesRefreshAtMostOncePerPulse() {
            Call first = backend.ring();
            Call second = backend.ring(FakeBackend.SCENARIO_CALLERS.get(1));
            AtomicInteger refreshes = new AtomicInteger();
            CallRefreshCoalescer coalescer = new CallRefreshCoalescer(queued, c -> refreshes.incrementAndGet());
            first.addListener((c, change) -> coalescer.markDirty(c));
            second.addListener((c, change) -> coalescer.markDirty(c));

            for (int i = 0; i < 1000; i++) {
                first.appendDelta("a1", Speaker.AGENT, "x");
                second.appendDelta("a1", Speaker.AGENT, "y");
                if (i % 100 == 99) {
                    pulse();
                }
            }
            assertEquals(10, coalescer.flushCount());
            assertEquals(20, refreshes.get(), "each of the two calls once per pulse");
        }
    }

    @Nested
    class Window {

        private final SwitchboardViewModel window = new SwitchboardViewModel(backend.backend(), UiDispatcher.immediate());

        Window() {
            backend.streamAfterAccept = false;
            window.start();
        }

        @Test
        void aRingingCallIsListedNewestFirstAndSelected() {
            backend.ring();
            Call second = backend.ring(FakeBackend.SCENARIO_CALLERS.get(1));
            assertEquals(2, window.callList().rows().size());
            assertSame(second, window.callList().rows().get(0).call());
            assertSame(second, window.callList().selected().call());
            assertEquals("Marcus Oyelaran", window.callList().selected().displayName());
            assertEquals("+15551230002", window.callList().selected().number());
            assertEquals(2, window.webhooksReceivedProperty().get());
        }

        @Test
        void acceptCarriesTheEditedDraftAndIsRemembered() {
            backend.ring();
            window.accept().instructionsProperty().set("You are a pirate.");
            window.accept().voiceProperty().set("coral");
            assertTrue(window.acceptSelected());

            AcceptSettings sent = backend.accepted.get(0);
            assertEquals("You are a pirate.", sent.instructions());
            assertEquals("coral", sent.voice());
            assertEquals(sent, window.accept().lastUsed());
            CallRowViewModel row = window.callList().selected();
            assertEquals(CallState.ACTIVE, row.state());
            assertFalse(row.actionFailedProperty().get());
            assertTrue(row.actionResultProperty().get().startsWith("Accepted"));
            assertEquals("You are a pirate.", window.steering().instructionsProperty().get(),
                    "steering starts from what the call runs with");
        }

        @Test
        void aFailedAcceptIsShownAndCanBeRetriedWhileRinging() {
            backend.ring();
            backend.failNextAccept.set("OpenAI could not accept the call: call_id not found (404).");
            window.acceptSelected();
            CallRowViewModel row = window.callList().selected();
            assertTrue(row.actionFailedProperty().get());
            assertEquals("OpenAI could not accept the call: call_id not found (404).", row.actionResultProperty().get());
            assertEquals(CallState.RINGING, row.state());
            assertFalse(window.accept().isAcceptDisabled());

            assertTrue(window.acceptSelected());
            assertEquals(CallState.ACTIVE, row.state());
        }

        @Test
        void rejectSendsTheChosenStatus() {
            backend.ring();
            window.accept().rejectStatusProperty().set(RejectStatus.DECLINE);
            assertTrue(window.rejectSelected());
            assertEquals(List.of(603), backend.rejectStatuses);
            assertEquals(CallState.REJECTED, window.callList().selected().state());
            assertFalse(window.hangupSelected(), "nothing to hang up");
        }

        @Test
        void steeringALiveCall() {
            backend.ring();
            window.acceptSelected();
            window.steering().instructionsProperty().set("Offer a 10% discount.");
            assertTrue(window.updateInstructions());
            assertEquals("Offer a 10% discount.", backend.instructionUpdates.get(0).instructions());
            List<TranscriptLine> lines = window.transcript().lines();
            assertEquals("instructions changed", lines.get(lines.size() - 1).text());

            window.steering().sentenceProperty().set("Please hold.");
            assertTrue(window.say());
            assertEquals(List.of("Please hold."), backend.said);
            assertEquals("", window.steering().sentenceProperty().get());

            window.steering().transferTargetProperty().set("4155550123");
            assertFalse(window.transfer());
            assertEquals("Add the scheme: tel:4155550123", window.steering().transferProblemProperty().get());
            window.steering().transferTargetProperty().set("tel:+14155550123");
            assertTrue(window.transfer());
            assertEquals("tel:+14155550123", backend.referred.get(0).target());
            assertEquals(CallState.ENDED, window.callList().selected().state());
        }

        @Test
        void hangupEndsTheCall() {
            backend.ring();
            window.acceptSelected();
            assertTrue(window.hangupSelected());
            assertEquals(CallState.ENDED, window.callList().selected().state());
        }

        @Test
        void clocksTickWhileRingingAndLive() {
            backend.ring();
            clock.advance(Duration.ofSeconds(7));
            window.tick();
            assertEquals("00:07", window.callList().selected().clockProperty().get());
            window.acceptSelected();
            clock.advance(Duration.ofSeconds(83));
            window.tick();
            assertEquals("01:23", window.callList().selected().clockProperty().get());
        }
    }

    @Nested
    class Steering {

        @Test
        void transferTargetsAreValidated() {
            assertEquals("", SteeringViewModel.transferProblem("tel:+14155550123"));
            assertEquals("", SteeringViewModel.transferProblem("sip:desk@pbx.example.com"));
            assertEquals("", SteeringViewModel.transferProblem("sips:+14155550123@sip.example.com;transport=tls"));
            assertTrue(SteeringViewModel.transferProblem("").startsWith("Enter a tel: or sip:"));
            assertEquals("'mailto:x@y' is not a tel: or sip: address.", SteeringViewModel.transferProblem("mailto:x@y"));
        }
    }

    @Nested
    class Inspector {

        @Test
        void timelineShowsGapsBetweenMilestones() {
            Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
            Map<Milestone, Instant> marks = new EnumMap<>(Milestone.class);
            marks.put(Milestone.WEBHOOK_RECEIVED, t0);
            marks.put(Milestone.ACCEPT_SENT, t0.plusMillis(40));
            marks.put(Milestone.ACCEPT_ANSWERED, t0.plusMillis(310));
            List<InspectorViewModel.TimelineRow> rows = InspectorViewModel.timelineRows(marks);
            assertEquals(new InspectorViewModel.TimelineRow("webhook received", "+0.000 s", "—"), rows.get(0));
            assertEquals(new InspectorViewModel.TimelineRow("accept answered", "+0.310 s", "270 ms"), rows.get(2));
        }

        @Test
        void eventsCanBeFilteredByTypeAndReadAsPrettyJson() {
            Call call = backend.ring();
            call.recordEvent(new RawEvent(clock.instant(), RawEvent.Direction.IN, "response.done", "{\"a\":1}"));
            InspectorViewModel inspector = new InspectorViewModel();
            inspector.show(call);
            assertEquals(2, inspector.filteredEvents().size());
            assertEquals(List.of(InspectorViewModel.ALL_TYPES, "realtime.call.incoming", "response.done"), inspector.eventTypes());

            inspector.typeFilterProperty().set("response.done");
            assertEquals(1, inspector.filteredEvents().size());
            inspector.selectedEventProperty().set(inspector.filteredEvents().get(0));
            assertEquals("{\n  \"a\" : 1\n}", inspector.selectedJsonProperty().get());
            assertEquals("not json", InspectorViewModel.prettyJson("not json"));
        }

        @Test
        void usageHasOneRowPerResponseAndATotal() {
            Call call = backend.ring();
            backend.streamConversation(call, "Hello.");
            InspectorViewModel inspector = new InspectorViewModel();
            inspector.show(call);
            assertEquals(3, inspector.usage().size());
            assertEquals(new InspectorViewModel.UsageRow("Total", 1067, 99, 1166), inspector.usage().get(2));
            assertNotNull(inspector.headers().stream().filter(h -> h.name().equals("From")).findFirst().orElse(null));
        }
    }

    @Test
    void everyTranscriptEntryKindReadsAsItsOwnLine() {
        // every kind a call can record must come out as a line a person can read and copy
        for (TranscriptEntry.Kind kind : TranscriptEntry.Kind.values()) {
            TranscriptEntry entry = new TranscriptEntry("k-" + kind, kind, Speaker.AGENT, "5",
                    TranscriptEntry.Status.DONE, java.time.Instant.EPOCH);
            dev.switchboard.ui.transcript.TranscriptLine line =
                    dev.switchboard.ui.transcript.TranscriptLine.of(entry, "00:01");
            assertEquals(kind, line.kind());
            assertEquals(kind == TranscriptEntry.Kind.UTTERANCE, line.isUtterance(), kind.name());
            assertTrue(line.copyText().startsWith("[00:01]"), line.copyText());
            assertTrue(line.copyText().contains("5"), line.copyText());
        }
        assertEquals("[00:01] — Pressed 5 —", dev.switchboard.ui.transcript.TranscriptLine.of(new TranscriptEntry("d",
                TranscriptEntry.Kind.DTMF, null, "5", TranscriptEntry.Status.DONE, java.time.Instant.EPOCH), "00:01").copyText());
    }
}
