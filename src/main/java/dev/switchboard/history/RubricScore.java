package dev.switchboard.history;

/** One rubric item as the analysis model judged it: a score from 1 to 5 and a one-line reason. */
public record RubricScore(String item, int score, String reason) {

    public RubricScore {
        item = item == null ? "" : item.strip();
        reason = reason == null ? "" : reason.replace('\n', ' ').strip();
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a rubric score is 1 to 5, was " + score);
        }
    }
}
