package dev.switchboard.ui.history;

import dev.switchboard.history.SearchHit;
import java.util.ArrayList;
import java.util.List;

/** Splits a search snippet on the store's «match» markers into plain and highlighted pieces. */
public final class Highlight {

    /** A piece of a snippet; {@code match} pieces are the words that were searched for. */
    public record Segment(String text, boolean match) {
    }

    private Highlight() {
    }

    /** "the «order» is late" → [the ][order*][ is late]; an unclosed « highlights to the end. Empty pieces dropped. */
    public static List<Segment> segments(String snippet) {
        List<Segment> out = new ArrayList<>();
        if (snippet == null) {
            return out;
        }
        int i = 0;
        while (i < snippet.length()) {
            int start = snippet.indexOf(SearchHit.MATCH_START, i);
            if (start < 0) {
                add(out, snippet.substring(i), false);
                break;
            }
            add(out, snippet.substring(i, start), false);
            int end = snippet.indexOf(SearchHit.MATCH_END, start + 1);
            if (end < 0) {
                add(out, snippet.substring(start + 1), true);
                break;
            }
            add(out, snippet.substring(start + 1, end), true);
            i = end + 1;
        }
        return out;
    }

    private static void add(List<Segment> out, String text, boolean match) {
        if (text.isEmpty()) {
            return;
        }
        // neighbours of the same kind (e.g. «a»«b») read as one piece
        if (!out.isEmpty() && out.get(out.size() - 1).match() == match) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(last.text() + text, match));
        } else {
            out.add(new Segment(text, match));
        }
    }
}
