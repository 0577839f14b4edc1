package dev.switchboard.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.PrivacyMask;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.history.CallAnalysis;
import dev.switchboard.history.Rubric;
import dev.switchboard.history.RubricScore;
import dev.switchboard.history.StoredCall;
import dev.switchboard.logging.Redactor;
import dev.switchboard.openai.OpenAiApiException;
import dev.switchboard.openai.ResponsesClient;
import dev.switchboard.store.HistoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-call analysis: sends an ended call's transcript (secrets redacted, numbers masked when the rubric says so)
 * to the Responses API with a strict JSON schema, and stores the summary, outcome and rubric scores, or the reason
 * it failed, so it can be retried. Runs on its own executor: never on the call path.
 */
public final class CallAnalyzer {

    public static final String DEFAULT_MODEL = "gpt-4.1-mini";
    static final String SCHEMA_NAME = "call_analysis";
    private static final Logger log = LoggerFactory.getLogger(CallAnalyzer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A phone number inside speech: seven or more digits, maybe with spaces, dashes or a leading plus. */
    private static final Pattern SPOKEN_NUMBER = Pattern.compile("\\+?\\d(?:[\\d\\s-]{5,}\\d)");

    private final HistoryStore store;
    private final Supplier<ResponsesClient> client;
    private final String model;
    private final Executor executor;
    private final Clock clock;

    public CallAnalyzer(HistoryStore store, Supplier<ResponsesClient> client, String model, Executor executor,
                        Clock clock) {
        this.store = store;
        this.client = client;
        this.model = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        this.executor = executor;
        this.clock = clock;
    }

    /** The rubric a call is judged by: its profile's own, else the global default. */
    public Rubric rubricFor(StoredCall call) {
        return call.profileRef().flatMap(p -> store.analyses().rubric(p.name())).orElse(Rubric.DEFAULT);
    }

    /**
     * Analyses a stored call (again, on a retry) and stores the result. Completes with the analysis, a failed one
     * carrying the reason; never completes exceptionally.
     */
    public CompletableFuture<CallAnalysis> analyze(String callId) {
        return CompletableFuture.supplyAsync(() -> analyzeNow(callId), executor);
    }

    CallAnalysis analyzeNow(String callId) {
        CallAnalysis result;
        try {
            Optional<StoredCall> stored = store.load(callId);
            if (stored.isEmpty()) {
                result = CallAnalysis.failed(callId, model, "the call is not in the history", clock.instant());
                return result;
            }
            Rubric rubric = rubricFor(stored.get());
            String answer = client.get().create(request(stored.get(), rubric, model));
            result = parse(callId, model, answer, rubric, clock.instant());
        } catch (OpenAiApiException e) {
            result = CallAnalysis.failed(callId, model, Redactor.redact(e.getMessage()), clock.instant());
        } catch (RuntimeException e) {
            result = CallAnalysis.failed(callId, model, Redactor.redact(String.valueOf(e.getMessage())),
                    clock.instant());
        }
        try {
            store.analyses().save(result);
        } catch (RuntimeException e) {
            log.warn("analysis of {} not stored: {}", callId, e.toString());
        }
        if (!result.isDone()) {
            log.info("analysis of {} failed: {}", callId, result.error());
        }
        return result;
    }

    /** The Responses API request: instructions, the transcript as input, the strict schema for this rubric. */
    public static ObjectNode request(StoredCall call, Rubric rubric, String model) {
        String instructions = "You review a phone call between a voice agent and a caller. Write a summary of 2 to 4"
                + " sentences, pick the outcome category that fits best, and score each rubric item from 1 (poor)"
                + " to 5 (excellent) with a one-line reason. Rubric items: " + String.join("; ", rubric.items())
                + ". Outcome categories: " + String.join(", ", rubric.outcomes()) + ".";
        return ResponsesClient.requestBody(model, instructions, transcriptText(call, rubric.maskNumbers()),
                SCHEMA_NAME, schema(rubric));
    }

    static String transcriptText(StoredCall call, boolean mask) {
        StringBuilder text = new StringBuilder();
        String caller = call.caller().describe();
        text.append("Caller: ").append(mask ? PrivacyMask.maskAddress(call.caller()) : caller).append('\n');
        text.append("Outcome as recorded: ").append(call.outcome()).append("\n\nTranscript:\n");
        for (TranscriptEntry e : call.transcript()) {
            String who = e.isUtterance() ? e.speaker().label() : e.kind().name().toLowerCase();
            text.append(who).append(": ").append(e.text().replace('\n', ' ')).append('\n');
        }
        String out = Redactor.redact(text.toString());
        return mask ? maskDigits(out) : out;
    }

    static String maskDigits(String text) {
        Matcher m = SPOKEN_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PrivacyMask.maskNumber(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static ObjectNode schema(Rubric rubric) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("summary").put("type", "string").put("description", "2 to 4 sentences");
        ArrayNode outcomes = props.putObject("outcome").put("type", "string").putArray("enum");
        rubric.outcomes().forEach(outcomes::add);
        ObjectNode scores = props.putObject("scores").put("type", "array");
        ObjectNode item = scores.putObject("items").put("type", "object");
        ObjectNode itemProps = item.putObject("properties");
        ArrayNode names = itemProps.putObject("item").put("type", "string").putArray("enum");
        rubric.items().forEach(names::add);
        ArrayNode values = itemProps.putObject("score").put("type", "integer").putArray("enum");
        for (int i = 1; i <= 5; i++) {
            values.add(i);
        }
        itemProps.putObject("reason").put("type", "string").put("description", "one line");
        item.putArray("required").add("item").add("score").add("reason");
        item.put("additionalProperties", false);
        schema.putArray("required").add("summary").add("outcome").add("scores");
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The model's JSON answer as an analysis; an answer outside the schema is a failure that says why. */
    static CallAnalysis parse(String callId, String model, String answer, Rubric rubric, java.time.Instant at) {
        JsonNode n;
        try {
            n = JSON.readTree(answer);
        } catch (Exception e) {
            return CallAnalysis.failed(callId, model, "the model's answer is not JSON", at);
        }
        String outcome = n.path("outcome").asText("");
        if (!rubric.outcomes().contains(outcome)) {
            return CallAnalysis.failed(callId, model, "the model's outcome '" + outcome + "' is not one of "
                    + String.join(", ", rubric.outcomes()), at);
        }
        List<RubricScore> scores = new ArrayList<>();
        for (JsonNode s : n.path("scores")) {
            int score = s.path("score").asInt(0);
            if (score < 1 || score > 5) {
                return CallAnalysis.failed(callId, model, "a rubric score is outside 1-5: " + score, at);
            }
            scores.add(new RubricScore(s.path("item").asText(), score, s.path("reason").asText()));
        }
        String summary = n.path("summary").asText("");
        if (summary.isBlank()) {
            return CallAnalysis.failed(callId, model, "the model's answer has no summary", at);
        }
        return new CallAnalysis(callId, CallAnalysis.Status.DONE, model, summary, outcome, scores, "", at);
    }
}
