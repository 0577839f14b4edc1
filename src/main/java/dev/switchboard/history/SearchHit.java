package dev.switchboard.history;

import dev.switchboard.call.Speaker;
import java.time.Instant;

/**
 * One utterance matching a full-text search.
 *
 * @param text    the utterance's whole text
 * @param snippet an excerpt around the match with every matching term wrapped in {@link #MATCH_START} and
 *                {@link #MATCH_END}; {@link #ELLIPSIS} where text was cut. The markers are plain characters that
 *                do not occur in normal speech transcripts, so a view can split on them to highlight.
 */
public record SearchHit(String callId, String itemKey, Speaker speaker, String text, String snippet, Instant at,
                        String callerNumber, Instant callStartedAt) {

    public static final String MATCH_START = "«";
    public static final String MATCH_END = "»";
    public static final String ELLIPSIS = "…";
}
