package dev.switchboard.report;

import dev.switchboard.call.PrivacyMask;
import dev.switchboard.logging.Redactor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text as it may appear in a shared report: secrets redacted, numbers masked on request, URLs defanged, escaped. */
final class Html {

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d(?:[\\d\\s-]{5,}\\d)");
    /** Any scheme with "//": a report links nowhere and loads nothing, so a spoken or typed URL is shown inert. */
    private static final Pattern URL = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*):(//)");

    private final boolean mask;
    private final List<String> secrets;

    Html(boolean mask, List<String> secrets) {
        this.mask = mask;
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** Escaped, redacted, defanged and (when masking) with phone numbers masked. */
    String text(String raw) {
        String s = raw == null ? "" : raw;
        for (String secret : secrets) {
            s = s.replace(secret, Redactor.REDACTED);
        }
        s = Redactor.redactShapes(s);
        if (mask) {
            Matcher m = NUMBER.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(PrivacyMask.maskNumber(m.group())));
            }
            m.appendTail(out);
            s = out.toString();
        }
        s = URL.matcher(s).replaceAll("$1[:]//");
        return escape(s);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The page around a body: inline style only, no script, no external anything. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;\
            padding:0 1rem;color:#1d2330;background:#fff}
            h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.8rem 0 .6rem;border-bottom:1px solid #dde}
            table{border-collapse:collapse}td,th{padding:.2rem .8rem .2rem 0;text-align:left;vertical-align:top}
            th{color:#556;font-weight:600}.meta td:first-child{color:#556}
            .line{margin:.25rem 0}.who{font-weight:600;display:inline-block;min-width:4rem}
            .agent .who{color:#2458c6}.caller .who{color:#1d7a46}.marker{color:#778;font-style:italic}
            .badge{font-size:.75rem;border-radius:.6rem;padding:0 .45rem;margin-left:.4rem;background:#e7edf9;color:#2458c6}
            .badge.slow{background:#fdecd8;color:#9a4b00}.badge.cut{background:#fbe1e1;color:#a21c1c}
            pre{white-space:pre-wrap;background:#f5f6fa;padding:.6rem;border-radius:.3rem}
            .score{font-weight:600}.muted{color:#778}
            """;
}
