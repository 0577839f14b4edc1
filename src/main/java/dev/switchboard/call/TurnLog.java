package dev.switchboard.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Per-turn instrumentation of one call, built from sideband events stamped with the monitor's own receive times.
 * A caller turn starts at {@code speech_started}; responses created after its {@code speech_stopped} (and before the
 * caller speaks again) answer it, including the follow-up after a function call. Guarded by the call's lock, like
 * the rest of {@link Call}; every change is announced as {@link CallChange#TURNS}.
 */
public final class TurnLog {

    private static final class Response {
        final String id;
        final Instant createdAt;
        final Speech answers;
        Instant firstOutputAt;
        Instant audioStartedAt;
        Instant audioStoppedAt;
        Instant functionCallAt;
        Duration toolWait;
        String status;
        String statusReason;
        ResponseUsage usage;
        final List<String> itemIds = new ArrayList<>();

        Response(String id, Instant createdAt, Speech answers) {
            this.id = id;
            this.createdAt = createdAt;
            this.answers = answers;
        }
    }

    private static final class Speech {
        final String itemId;
        final Instant startedAt;
        Instant stoppedAt;
        Instant committedAt;
        final List<Response> responses = new ArrayList<>();

        Speech(String itemId, Instant startedAt) {
            this.itemId = itemId;
            this.startedAt = startedAt;
        }

        Instant firstOutput() {
            Instant first = null;
            for (Response r : responses) {
                if (r.firstOutputAt != null && (first == null || r.firstOutputAt.isBefore(first))) {
                    first = r.firstOutputAt;
                }
            }
            return first;
        }
    }

    private static final class Reply {
        final String itemId;
        Response response;
        boolean interrupted;
        Long audioEndMs;

        Reply(String itemId, Response response) {
            this.itemId = itemId;
            this.response = response;
        }
    }

    private final Call owner;
    private final Clock clock;
    private final Function<String, String> textOf;
    private final Supplier<String> model;
    private final Supplier<Instant> acceptAnswered;
    private final List<Speech> speeches = new ArrayList<>();
    private final Map<String, Response> responses = new LinkedHashMap<>();
    private final Map<String, Reply> replies = new LinkedHashMap<>();
    private final Map<String, List<SpeakerSegment>> segments = new LinkedHashMap<>();
    private Response playing;
    private Response lastCreated;
    private PriceTable prices = PriceTable.EMPTY;
    private int anonymous;

    TurnLog(Call owner, Clock clock, Function<String, String> textOf, Supplier<String> model,
            Supplier<Instant> acceptAnswered) {
        this.owner = owner;
        this.clock = clock;
        this.textOf = textOf;
        this.model = model;
        this.acceptAnswered = acceptAnswered;
    }

    // ---- events (socket thread) ----

    public void usePrices(PriceTable table) {
        update(() -> prices = table == null ? PriceTable.EMPTY : table);
    }

    /** {@code input_audio_buffer.speech_started}: a new caller turn; if the agent was playing, the caller barged in. */
    public void callerSpeechStarted(String itemId) {
        update(() -> {
            if (playing != null) {
                interrupt(lastReply(playing), null);
            }
            speeches.add(new Speech(itemId, clock.instant()));
        });
    }

    public void callerSpeechStopped(String itemId) {
        update(() -> {
            Speech s = speech(itemId);
            if (s != null && s.stoppedAt == null) {
                s.stoppedAt = clock.instant();
            }
        });
    }

    public void callerCommitted(String itemId) {
        update(() -> {
            Speech s = speech(itemId);
            if (s != null && s.committedAt == null) {
                s.committedAt = clock.instant();
            }
        });
    }

    public void responseCreated(String responseId) {
        update(() -> response(responseId));
    }

    /** Streamed words (audio transcript or text) of a response's item; only the first of each item is news here. */
    public void agentOutput(String responseId, String itemId) {
        boolean changed;
        synchronized (owner) {
            int known = responses.size();
            Response r = response(responseId);
            changed = responses.size() != known || r.firstOutputAt == null;
            output(r);
            if (itemId != null && !r.itemIds.contains(itemId)) {
                r.itemIds.add(itemId);
                replies.computeIfAbsent(itemId, id -> new Reply(id, r)).response = r;
                changed = true;
            }
        }
        // every delta is not a turn change: listeners (history writer) would churn
        if (changed) {
            owner.changed(CallChange.TURNS);
        }
    }

    /** {@code output_audio_buffer.started}: the caller starts hearing this response. */
    public void audioStarted(String responseId) {
        update(() -> {
            Response r = response(responseId);
            output(r);
            if (r.audioStartedAt == null) {
                r.audioStartedAt = clock.instant();
            }
            playing = r;
        });
    }

    public void audioStopped(String responseId) {
        update(() -> stopPlaying(responseId, false));
    }

    /** {@code output_audio_buffer.cleared}: playback cut off, a barge-in. */
    public void audioCleared(String responseId) {
        update(() -> stopPlaying(responseId, true));
    }

    /** {@code conversation.item.truncated}: the caller heard this item only up to {@code audioEndMs}. */
    public void itemTruncated(String itemId, long audioEndMs) {
        update(() -> {
            Reply reply = replies.computeIfAbsent(itemId, id -> new Reply(id, null));
            interrupt(reply, audioEndMs);
        });
    }

    public void functionCallDone(String responseId) {
        update(() -> response(responseId).functionCallAt = clock.instant());
    }

    /** Every {@code response.done} counts for cost, cancelled and failed ones included. */
    public void responseDone(String responseId, String status, String statusReason, ResponseUsage usage) {
        update(() -> {
            Response r = response(responseId);
            r.status = status;
            r.statusReason = statusReason;
            r.usage = usage;
            if (playing == r && !"completed".equals(status)) {
                playing = null;
            }
        });
    }

    public void speakerSegment(SpeakerSegment segment) {
        update(() -> segments.computeIfAbsent(segment.itemId(), k -> new ArrayList<>()).add(segment));
    }

    // ---- views (any thread) ----

    public List<Turn> turns() {
        synchronized (owner) {
            List<Turn> out = new ArrayList<>();
            for (Speech s : speeches) {
                Instant first = s.firstOutput();
                if (first != null) {
                    out.add(turn(out.size() + 1, s, first));
                }
            }
            return out;
        }
    }

    public TurnStats stats() {
        synchronized (owner) {
            List<Duration> latencies = new ArrayList<>();
            for (Turn t : turns()) {
                latencies.add(t.latency());
            }
            latencies.sort(null);
            int interruptions = (int) replies.values().stream().filter(r -> r.interrupted).count();
            int done = (int) responses.values().stream().filter(r -> r.status != null).count();
            return new TurnStats(latencies.size(), greetingLatency(), percentile(latencies, 0.50),
                    percentile(latencies, 0.95), percentile(latencies, 1.0), interruptions, done,
                    cost(new ArrayList<>(responses.values())));
        }
    }

    /** The annotation of an agent transcript entry, if the monitor saw its response. */
    public Optional<AgentReply> reply(String itemId) {
        synchronized (owner) {
            Reply r = replies.get(itemId);
            return r == null ? Optional.empty() : Optional.of(view(r));
        }
    }

    public List<AgentReply> replies() {
        synchronized (owner) {
            return replies.values().stream().map(this::view).toList();
        }
    }

    /** Diarized segments of a caller item, in arrival order: the speaker labels of that caller line. */
    public List<SpeakerSegment> segments(String callerItemId) {
        synchronized (owner) {
            return List.copyOf(segments.getOrDefault(callerItemId, List.of()));
        }
    }

    /** True once any response of the agent has produced audio (or its transcript): the voice is fixed from then on. */
    public boolean agentAudioSent() {
        synchronized (owner) {
            return responses.values().stream().anyMatch(r -> r.firstOutputAt != null || r.audioStartedAt != null);
        }
    }

    public PriceTable prices() {
        synchronized (owner) {
            return prices;
        }
    }

    // ---- internals (under the lock) ----

    private void update(Runnable change) {
        synchronized (owner) {
            change.run();
        }
        owner.changed(CallChange.TURNS);
    }

    /** The response with this id, created on first sight (events may arrive after a reconnect, or out of order). */
    private Response response(String responseId) {
        if (responseId == null) {
            if (lastCreated != null) {
                return lastCreated;
            }
            responseId = "unknown-" + (++anonymous);
        }
        Response existing = responses.get(responseId);
        if (existing != null) {
            return existing;
        }
        Speech answering = answerable();
        Response r = new Response(responseId, clock.instant(), answering);
        if (answering != null) {
            Response previous = answering.responses.isEmpty() ? null : answering.responses.get(answering.responses.size() - 1);
            if (previous != null && previous.functionCallAt != null) {
                r.toolWait = Duration.between(previous.functionCallAt, r.createdAt);
            }
            answering.responses.add(r);
        }
        responses.put(responseId, r);
        lastCreated = r;
        return r;
    }

    /** The latest caller turn, if the caller has finished speaking it; a response now answers it. */
    private Speech answerable() {
        Speech last = speeches.isEmpty() ? null : speeches.get(speeches.size() - 1);
        return last != null && last.stoppedAt != null ? last : null;
    }

    private Speech speech(String itemId) {
        for (int i = speeches.size() - 1; i >= 0; i--) {
            if (itemId == null || itemId.equals(speeches.get(i).itemId)) {
                return speeches.get(i);
            }
        }
        return speeches.isEmpty() ? null : speeches.get(speeches.size() - 1);
    }

    private void output(Response r) {
        if (r.firstOutputAt == null) {
            r.firstOutputAt = clock.instant();
        }
    }

    private void stopPlaying(String responseId, boolean cut) {
        Response r = responseId == null ? playing : responses.get(responseId);
        if (r == null) {
            r = response(responseId);
        }
        if (r.audioStartedAt != null && r.audioStoppedAt == null) {
            r.audioStoppedAt = clock.instant();
        }
        if (cut) {
            interrupt(lastReply(r), null);
        }
        if (playing == r) {
            playing = null;
        }
    }

    private Reply lastReply(Response r) {
        if (r.itemIds.isEmpty()) {
            return null;
        }
        return replies.get(r.itemIds.get(r.itemIds.size() - 1));
    }

    private static void interrupt(Reply reply, Long audioEndMs) {
        if (reply == null) {
            return;
        }
        reply.interrupted = true;
        if (audioEndMs != null) {
            reply.audioEndMs = audioEndMs;
        }
    }

    private Turn turn(int number, Speech s, Instant firstOutput) {
        Duration speaking = null;
        Duration tool = null;
        boolean interrupted = false;
        String agentItem = null;
        List<String> ids = new ArrayList<>();
        for (Response r : s.responses) {
            ids.add(r.id);
            if (r.audioStartedAt != null && r.audioStoppedAt != null) {
                speaking = plus(speaking, Duration.between(r.audioStartedAt, r.audioStoppedAt));
            }
            if (r.toolWait != null) {
                tool = plus(tool, r.toolWait);
            }
            if (agentItem == null && !r.itemIds.isEmpty()) {
                agentItem = r.itemIds.get(0);
            }
            for (String item : r.itemIds) {
                interrupted |= replies.get(item).interrupted;
            }
        }
        return new Turn(number, s.itemId, agentItem, s.stoppedAt, ids, Duration.between(s.stoppedAt, firstOutput),
                Optional.ofNullable(speaking), Optional.ofNullable(tool), cost(s.responses), interrupted);
    }

    private static Duration plus(Duration sum, Duration more) {
        return sum == null ? more : sum.plus(more);
    }

    /** The first response of the call, when it is not answering the caller and has spoken. */
    private Optional<Duration> greetingLatency() {
        Response first = responses.isEmpty() ? null : responses.values().iterator().next();
        Instant accepted = acceptAnswered.get();
        if (first == null || first.answers != null || first.firstOutputAt == null || accepted == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(accepted, first.firstOutputAt));
    }

    private OptionalDouble cost(List<Response> rs) {
        String m = model.get();
        if (prices.priceOf(m).isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (Response r : rs) {
            if (r.usage != null) {
                sum += prices.costUsd(m, r.usage).orElse(0);
            }
        }
        return OptionalDouble.of(sum);
    }

    private static Optional<Duration> percentile(List<Duration> sorted, double q) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return Optional.of(sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)));
    }

    private AgentReply view(Reply reply) {
        Response r = reply.response;
        String text = textOf.apply(reply.itemId);
        HeardSplit split = HeardSplit.all(text);
        if (reply.audioEndMs != null) {
            long audioLength = r != null && r.usage != null ? r.usage.audioOutput() * HeardSplit.MS_PER_AUDIO_OUTPUT_TOKEN : 0;
            split = HeardSplit.of(text, reply.audioEndMs, audioLength);
        }
        Optional<Duration> latency = Optional.empty();
        boolean greeting = false;
        if (r != null && !r.itemIds.isEmpty() && r.itemIds.get(0).equals(reply.itemId)) {
            if (r.answers != null && r.firstOutputAt != null && r.firstOutputAt.equals(r.answers.firstOutput())) {
                latency = Optional.of(Duration.between(r.answers.stoppedAt, r.firstOutputAt));
            } else if (r.answers == null && r == responses.values().iterator().next()) {
                greeting = true;
                latency = greetingLatency();
            }
        }
        return new AgentReply(reply.itemId, r == null ? null : r.id, Optional.ofNullable(r == null ? null : r.status),
                Optional.ofNullable(r == null ? null : r.statusReason), reply.interrupted,
                reply.audioEndMs == null ? OptionalLong.empty() : OptionalLong.of(reply.audioEndMs),
                split.heard(), split.unheard(), latency, greeting,
                r == null || r.usage == null ? OptionalDouble.empty() : cost(List.of(r)));
    }
}
