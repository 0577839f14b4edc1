package dev.switchboard.openai;

import dev.switchboard.call.TransferTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BooleanSupplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Calls REST API: accept, reject, refer, hang up. Blocking; run it off the UI thread. Retries 429, 5xx and
 * network failures with short backoff while {@code keepTrying} says the call can still use the answer; never
 * retries other 4xx. A {@code Retry-After} (seconds or an HTTP date) is waited out; with a ring deadline, retries
 * go on for as long as the call still rings rather than a fixed number of times, and stop when the wait would
 * end past the deadline.
 */
public final class CallsClient {

    private static final Logger log = LoggerFactory.getLogger(CallsClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    public static final List<Integer> REJECT_STATUSES = List.of(486, 603, 480, 404, 488);

    /** Sleeps between retries; tests may replace it. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final OkHttpClient http;
    private final OpenAiEndpoints endpoints;
    private final String apiKey;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;

    public CallsClient(OkHttpClient http, OpenAiEndpoints endpoints, String apiKey, RetryPolicy retry) {
        this(http, endpoints, apiKey, retry, Thread::sleep);
    }

    public CallsClient(OkHttpClient http, OpenAiEndpoints endpoints, String apiKey, RetryPolicy retry, Sleeper sleeper) {
        this(http, endpoints, apiKey, retry, sleeper, Clock.systemUTC());
    }

    /** @param clock "now" against ring deadlines and HTTP-date {@code Retry-After} values */
    public CallsClient(OkHttpClient http, OpenAiEndpoints endpoints, String apiKey, RetryPolicy retry, Sleeper sleeper,
                       Clock clock) {
        this.http = http;
        this.endpoints = endpoints;
        this.apiKey = apiKey;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public OpenAiEndpoints endpoints() {
        return endpoints;
    }

    /** Accepts a ringing call; {@code stillRinging} stops retries once the call cannot be answered anymore. */
    public void accept(String callId, AcceptSettings settings, BooleanSupplier stillRinging) throws OpenAiApiException {
        accept(callId, settings, stillRinging, null);
    }

    /**
     * Like {@link #accept(String, AcceptSettings, BooleanSupplier)}, retrying until {@code ringDeadline} (when the
     * carrier gives up on the call) instead of a fixed number of times; null means the policy's count.
     */
    public void accept(String callId, AcceptSettings settings, BooleanSupplier stillRinging, Instant ringDeadline)
            throws OpenAiApiException {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new OpenAiApiException(400, "invalid_settings", null, problems.get(0), null);
        }
        // a retry after a lost answer finds the call already accepted (409): the first attempt went through
        post(callId, "accept", SessionJson.acceptBody(settings, callId), stillRinging, true, ringDeadline);
    }

    public void reject(String callId, int sipStatus, BooleanSupplier stillRinging) throws OpenAiApiException {
        reject(callId, sipStatus, stillRinging, null);
    }

    /** Rejects a ringing call, retrying until {@code ringDeadline} (null: the policy's count). */
    public void reject(String callId, int sipStatus, BooleanSupplier stillRinging, Instant ringDeadline)
            throws OpenAiApiException {
        if (sipStatus < 400 || sipStatus > 699) {
            throw new OpenAiApiException(400, "invalid_status", null,
                    "SIP status " + sipStatus + " is not a final error status (400-699)", null);
        }
        ObjectNode body = SessionJson.MAPPER.createObjectNode().put("status_code", sipStatus);
        post(callId, "reject", body, stillRinging, false, ringDeadline);
    }

    /** Transfers the call; the target is checked before anything is sent. */
    public void refer(String callId, String targetUri) throws OpenAiApiException {
        String problem = transferTargetProblem(targetUri);
        if (problem != null) {
            throw new OpenAiApiException(400, "invalid_target", null, problem, null);
        }
        ObjectNode body = SessionJson.MAPPER.createObjectNode().put("target_uri", targetUri.trim());
        // never repeated: a REFER whose answer was lost may already be ringing the target; the person decides
        post(callId, "refer", body, () -> false, false, null);
    }

    public void hangup(String callId) throws OpenAiApiException {
        post(callId, "hangup", null, () -> true, false, null);
    }

    /** Null when the URI is a usable tel: or sip: target ({@link TransferTarget}), else the reason in plain words. */
    public static String transferTargetProblem(String uri) {
        String problem = TransferTarget.problem(uri);
        return problem.isEmpty() ? null : problem;
    }

    /** A cheap authenticated request, for "Test connection": throws when the key does not work. */
    public void checkKey() throws OpenAiApiException {
        Request request = new Request.Builder().url(endpoints.models()).header("Authorization", "Bearer " + apiKey).get().build();
        execute(request, () -> false, false, null);
    }

    private void post(String callId, String action, ObjectNode body, BooleanSupplier keepTrying,
                      boolean conflictOnRetryMeansDone, Instant deadline) throws OpenAiApiException {
        RequestBody requestBody = body == null ? RequestBody.create(new byte[0], null) : RequestBody.create(body.toString(), JSON);
        Request request = new Request.Builder()
                .url(endpoints.callAction(callId, action))
                .header("Authorization", "Bearer " + apiKey)
                .post(requestBody)
                .build();
        execute(request, keepTrying, conflictOnRetryMeansDone, deadline);
    }

    private void execute(Request request, BooleanSupplier keepTrying, boolean conflictOnRetryMeansDone,
                         Instant deadline) throws OpenAiApiException {
        for (int attempt = 1; ; attempt++) {
            OpenAiApiException failure;
            try (Response response = http.newCall(request).execute()) {
                if (response.isSuccessful()) {
                    return;
                }
                failure = parseError(response, clock);
                if (attempt > 1 && conflictOnRetryMeansDone && failure.status() == 409) {
                    log.info("{} {}: 409 on attempt {}, so an earlier attempt went through", request.method(),
                            request.url().encodedPath(), attempt);
                    return;
                }
            } catch (IOException e) {
                failure = new OpenAiApiException(0, "network", null, e.getMessage(), e);
            }
            Duration wait = retry.delayBefore(attempt);
            if (failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(wait) > 0) {
                wait = failure.retryAfter().get();
            }
            boolean inTime = deadline == null
                    ? attempt < retry.maxAttempts()
                    : clock.instant().plus(wait).isBefore(deadline);
            boolean again = failure.isRetryable() && inTime && keepTrying.getAsBoolean();
            String why = again ? "; retrying in " + wait.toMillis() + " ms"
                    : failure.isRetryable() && !inTime && deadline != null
                    ? "; no retry: waiting " + wait.toMillis() + " ms would pass the ring deadline" : "";
            log.info("{} {} failed (attempt {}): {}{}", request.method(), request.url().encodedPath(), attempt,
                    failure.getMessage(), why);
            if (!again) {
                throw failure;
            }
            try {
                sleeper.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    static OpenAiApiException parseError(Response response) {
        return parseError(response, Clock.systemUTC());
    }

    static OpenAiApiException parseError(Response response, Clock clock) {
        String type = null;
        String code = null;
        String message = null;
        try {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            JsonNode error = SessionJson.MAPPER.readTree(text).path("error");
            if (error.isObject()) {
                type = textOrNull(error.get("type"));
                code = textOrNull(error.get("code"));
                message = textOrNull(error.get("message"));
            } else if (error.isTextual()) {
                message = error.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not OpenAI's JSON (a proxy page, say): the status alone has to do
        }
        return new OpenAiApiException(response.code(), type, code, message,
                retryAfter(response.header("Retry-After"), clock), null);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
        } catch (NumberFormatException e) {
            // not seconds: an HTTP date, then
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration left = Duration.between(clock.instant(), at);
            return left.isNegative() ? Duration.ZERO : left;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
