package dev.switchboard.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), e.g. two versions of a profile's instructions. The result
 * lists every line of both texts once, in reading order: lines in both as SAME, lines only in the old text as
 * REMOVED, lines only in the new text as ADDED (at a change, removals come before additions). Line numbers are
 * 1-based, 0 where the line does not exist on that side, so a view can lay the two sides next to each other.
 */
public final class LineDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    /**
     * @param oldLine line number in the old text, 0 for ADDED
     * @param newLine line number in the new text, 0 for REMOVED
     */
    public record Line(Kind kind, String text, int oldLine, int newLine) {
    }

    /** One row of a side-by-side view: left is the old text, right the new; either may be null (blank cell). */
    public record Row(Line left, Line right) {
    }

    /** Beyond this many lines on both sides the middle is compared as one block (keeps memory bounded). */
    static final int MAX_LINES = 5_000;

    private LineDiff() {
    }

    public static List<Line> diff(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        // strip the common head and tail: cheap, and keeps the LCS table small for typical edits
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(Kind.SAME, a[i], i + 1, i + 1));
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        if ((long) n * m > (long) MAX_LINES * MAX_LINES) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Kind.REMOVED, a[head + i], head + i + 1, 0));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Kind.ADDED, b[head + j], 0, head + j + 1));
            }
        } else {
            int[][] lcs = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    lcs[i][j] = a[head + i].equals(b[head + j]) ? lcs[i + 1][j + 1] + 1
                            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[head + i].equals(b[head + j])) {
                    out.add(new Line(Kind.SAME, a[head + i], head + i + 1, head + j + 1));
                    i++;
                    j++;
                } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    out.add(new Line(Kind.REMOVED, a[head + i], head + i + 1, 0));
                    i++;
                } else {
                    out.add(new Line(Kind.ADDED, b[head + j], 0, head + j + 1));
                    j++;
                }
            }
        }
        for (int k = tail; k > 0; k--) {
            out.add(new Line(Kind.SAME, a[a.length - k], a.length - k + 1, b.length - k + 1));
        }
        return out;
    }

    /**
     * The diff as side-by-side rows: SAME lines on both sides; within a changed block, removed lines pair up with
     * added lines row by row, the longer side continuing against blank cells.
     */
    public static List<Row> sideBySide(List<Line> diff) {
        List<Row> rows = new ArrayList<>();
        List<Line> removed = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        for (Line line : diff) {
            if (line.kind() == Kind.SAME) {
                pair(rows, removed, added);
                rows.add(new Row(line, line));
            } else if (line.kind() == Kind.REMOVED) {
                if (!added.isEmpty()) {
                    pair(rows, removed, added);
                }
                removed.add(line);
            } else {
                added.add(line);
            }
        }
        pair(rows, removed, added);
        return rows;
    }

    private static void pair(List<Row> rows, List<Line> removed, List<Line> added) {
        for (int k = 0; k < Math.max(removed.size(), added.size()); k++) {
            rows.add(new Row(k < removed.size() ? removed.get(k) : null, k < added.size() ? added.get(k) : null));
        }
        removed.clear();
        added.clear();
    }

    /** True when the two texts have the same lines. */
    public static boolean same(List<Line> diff) {
        return diff.stream().allMatch(l -> l.kind() == Kind.SAME);
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }
}
