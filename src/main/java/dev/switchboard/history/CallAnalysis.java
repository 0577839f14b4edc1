package dev.switchboard.history;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The post-call analysis of one call: a summary, an outcome category and a score per rubric item, or why it failed.
 *
 * @param error the reason in plain words when {@link Status#FAILED}, else empty
 */
public record CallAnalysis(String callId, Status status, String model, String summary, String outcome,
                           List<RubricScore> scores, String error, Instant at) {

    public enum Status { DONE, FAILED }

    public CallAnalysis {
        model = model == null ? "" : model;
        summary = summary == null ? "" : summary.replaceAll("\\s*\\R\\s*", " ").strip();
        outcome = outcome == null ? "" : outcome.strip();
        scores = scores == null ? List.of() : List.copyOf(scores);
        error = error == null ? "" : error.replace('\n', ' ');
    }

    public static CallAnalysis failed(String callId, String model, String reason, Instant at) {
        return new CallAnalysis(callId, Status.FAILED, model, "", "", List.of(), reason, at);
    }

    public boolean isDone() {
        return status == Status.DONE;
    }

    /** The mean of the rubric scores; empty without any. */
    public OptionalDouble meanScore() {
        return scores.stream().mapToInt(RubricScore::score).average();
    }

    /** "4.3", or "-" with no scores. */
    public String meanScoreText() {
        OptionalDouble mean = meanScore();
        return mean.isPresent() ? String.format(Locale.ROOT, "%.1f", mean.getAsDouble()) : "-";
    }
}
