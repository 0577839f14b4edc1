package dev.switchboard.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.Call;
import dev.switchboard.call.ManualClock;
import dev.switchboard.call.Milestone;
import dev.switchboard.call.PriceTable;
import dev.switchboard.call.RawEvent;
import dev.switchboard.call.TurnStats;
import dev.switchboard.history.CallNumbers;
import dev.switchboard.history.StoredCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a stored call's turn log by feeding its raw server events, each at its receive time, through the same
 * {@link EventApplier} the live monitor uses, into a fresh {@link Call} on a {@link ManualClock}. So every stored
 * call has the metrics the live call showed, with no metrics table to keep in step.
 */
public final class CallReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CallReplay() {
    }

    /** The replayed call: transcript, turns, stats and health as live. */
    public static Call replay(StoredCall stored, PriceTable prices) {
        Instant start = stored.createdAt();
        ManualClock clock = new ManualClock(start);
        Call call = new Call(stored.id(), stored.sipHeaders(), clock);
        call.turns().usePrices(prices);
        stored.acceptSettings().ifPresent(call::useSettings);
        EventApplier applier = new EventApplier(call, clock);
        record Step(Instant at, int order, Milestone milestone, RawEvent event) {
        }
        List<Step> steps = new ArrayList<>();
        int order = 0;
        for (Map.Entry<Milestone, Instant> m : stored.timeline().entrySet()) {
            steps.add(new Step(m.getValue(), order++, m.getKey(), null));
        }
        for (RawEvent e : stored.events()) {
            if (e.direction() == RawEvent.Direction.IN) {
                steps.add(new Step(e.at(), order++, null, e));
            }
        }
        // milestones first at the same instant: the accept is answered before the first event it allows
        steps.sort(Comparator.comparing(Step::at).thenComparing(s -> s.milestone() == null)
                .thenComparingInt(Step::order));
        for (Step s : steps) {
            clock.set(s.at());
            if (s.milestone() != null) {
                call.mark(s.milestone());
            } else {
                try {
                    applier.apply(s.event().json());
                } catch (RuntimeException e) {
                    // a frame the parser cannot read was never applied live either
                }
            }
        }
        return call;
    }

    public static CallNumbers metrics(StoredCall stored, PriceTable prices) {
        TurnStats stats = replay(stored, prices).turns().stats();
        return new CallNumbers(stats.turns(), millis(stats.greetingLatency()), millis(stats.p50()),
                millis(stats.p95()), millis(stats.max()), stats.interruptions(), stats.costUsd().orElse(-1),
                toolErrors(stored.events()));
    }

    /**
     * Function calls whose output was an error ({@code {"error": …}}) or never came back, from the server's item
     * events.
     */
    static int toolErrors(List<RawEvent> events) {
        Set<String> called = new HashSet<>();
        Set<String> answered = new HashSet<>();
        int errors = 0;
        for (RawEvent e : events) {
            if (!e.type().startsWith("conversation.item.") && !e.type().equals("response.function_call_arguments.done")) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(e.json());
            } catch (Exception ex) {
                continue;
            }
            if (e.type().equals("response.function_call_arguments.done")) {
                called.add(n.path("call_id").asText());
                continue;
            }
            JsonNode item = n.path("item");
            if ("function_call_output".equals(item.path("type").asText())
                    && answered.add(item.path("call_id").asText())) {
                if (isError(item.path("output").asText())) {
                    errors++;
                }
            }
        }
        called.removeAll(answered);
        return errors + called.size();
    }

    private static boolean isError(String output) {
        try {
            JsonNode n = JSON.readTree(output);
            return n.isObject() && n.has("error");
        } catch (Exception e) {
            return false;
        }
    }

    private static long millis(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(-1L);
    }
}
