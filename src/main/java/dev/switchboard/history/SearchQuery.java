package dev.switchboard.history;

import java.util.ArrayList;
import java.util.List;

/** The history's full-text search syntax: what a person types, made safe for SQLite's FTS5. */
public final class SearchQuery {

    private SearchQuery() {
    }

    /**
     * Turns what a person typed into a safe FTS5 query: each word becomes a quoted string (quotes inside doubled),
     * so operators, colons, parentheses and stray quotes are plain text. A trailing {@code *} on a word is kept
     * as a prefix search; a balanced {@code "…"} is kept as a phrase. Empty when there is nothing to search for.
     */
    public static String fts(String input) {
        if (input == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        // control characters (a NUL ends the C string SQLite sees) are never part of a word
        String s = input.replaceAll("\\p{Cntrl}", " ").strip();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            if (ch == '"') {
                int close = s.indexOf('"', i + 1);
                if (close > i + 1) {
                    addTerm(parts, s.substring(i + 1, close), false);
                    i = close + 1;
                    continue;
                }
                i++; // a lone quote is not a phrase
                continue;
            }
            int end = i;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '"') {
                end++;
            }
            String word = s.substring(i, end);
            boolean prefix = word.endsWith("*");
            addTerm(parts, prefix ? word.replaceAll("\\*+$", "") : word, prefix);
            i = end;
        }
        return String.join(" ", parts);
    }

    private static void addTerm(List<String> parts, String term, boolean prefix) {
        String cleaned = term.replace("*", " ").strip();
        // a term with no letters or digits matches nothing useful and makes FTS5 complain
        if (cleaned.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return;
        }
        parts.add("\"" + cleaned.replace("\"", "\"\"") + "\"" + (prefix ? "*" : ""));
    }
}
