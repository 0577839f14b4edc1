package dev.switchboard.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How much speech a text is: its word-sized pieces, words and tokens, for pacing and usage numbers. */
final class Words {

    private static final Pattern WORD_CHUNKS = Pattern.compile("(?<=\\S)(?=\\s)");

    private Words() {
    }

    /** Word-sized pieces that join back to exactly {@code text}: "Thank", " you", " for"… */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : WORD_CHUNKS.split(text)) {
            if (!piece.isEmpty()) {
                out.add(piece);
            }
        }
        return out.isEmpty() ? List.of(text) : out;
    }

    static long words(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    static long tokensOf(String text) {
        return Math.max(1, text.length() / 4);
    }
}
