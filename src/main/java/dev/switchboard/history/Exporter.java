package dev.switchboard.history;

import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.SipAddress;
import dev.switchboard.call.TranscriptEntry;
import dev.switchboard.logging.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exports calls: one call as Markdown (a header and the readable transcript) or as JSON (everything, see
 * {@link HistoryJson#writeCall}), a list of calls as a CSV summary.
 *
 * <p>Secrets never leave: the store never holds the API key, and every export is scrubbed anyway. Bearer tokens,
 * {@code sk-…} keys, {@code whsec_…} secrets and every string in {@link Options#redact()} (pass the configured API
 * key and webhook secret) become {@value #REDACTED}. With {@link Options#maskCallerNumbers()} every caller number is
 * replaced by {@link #maskNumber} wherever it appears (headers, events, transcript).
 */
public final class Exporter {

    public static final String REDACTED = Redactor.REDACTED;
    public static final char MASK = '•';

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    /**
     * @param maskCallerNumbers replace all but the last 4 digits of caller numbers with {@value #MASK}
     * @param redact            extra strings that must never appear (the API key, the webhook secret)
     * @param zone              the time zone for dates in Markdown and CSV
     */
    public record Options(boolean maskCallerNumbers, List<String> redact, ZoneId zone) {

        public Options {
            redact = redact == null ? List.of() : List.copyOf(redact);
            zone = zone == null ? ZoneOffset.UTC : zone;
        }

        public static Options defaults() {
            return new Options(false, List.of(), ZoneId.systemDefault());
        }

        public Options masked(boolean mask) {
            return new Options(mask, redact, zone);
        }

        public Options redacting(List<String> secrets) {
            return new Options(maskCallerNumbers, secrets, zone);
        }

        public Options inZone(ZoneId value) {
            return new Options(maskCallerNumbers, redact, value);
        }
    }

    private final Options options;

    public Exporter(Options options) {
        this.options = options;
    }

    // ---- Markdown ----

    /**
     * Like {@link #markdown(StoredCall)}, with a latency, cost and health section (times observed by the monitor)
     * after the header and the post-call analysis as a last section; either may be null (then it is left out).
     */
    public String markdown(StoredCall call, CallMetrics metrics, CallAnalysis analysis) {
        String md = markdown(call);
        if (metrics != null) {
            int at = md.indexOf("\n## Transcript");
            md = md.substring(0, at) + "\n" + scrub(MetricsMarkdown.section(metrics), callerNumbers(List.of(call)))
                    + md.substring(at);
        }
        return analysis == null ? md : md + analysisSection(call, analysis);
    }

    private String analysisSection(StoredCall call, CallAnalysis analysis) {
        StringBuilder md = new StringBuilder();
        md.append("\n## Analysis\n\n");
        if (!analysis.isDone()) {
            md.append("Failed: ").append(scrub(analysis.error(), callerNumbers(List.of(call)))).append("\n");
            return md.toString();
        }
        md.append(scrub(analysis.summary(), callerNumbers(List.of(call)))).append("\n\n| | |\n|---|---|\n");
        row(md, "Outcome", analysis.outcome());
        row(md, "Mean score", analysis.meanScoreText());
        for (RubricScore s : analysis.scores()) {
            row(md, s.item(), s.score() + " — " + scrub(s.reason(), callerNumbers(List.of(call))));
        }
        return md.toString();
    }

    public String markdown(StoredCall call) {
        StringBuilder md = new StringBuilder();
        SipAddress caller = call.caller();
        md.append("# Call ").append(call.id()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Caller", caller.describe());
        row(md, "Callee", call.callee().number());
        row(md, "Started", TIME.format(call.createdAt().atZone(options.zone())));
        row(md, "Duration", clock(call.duration()));
        row(md, "Outcome", call.outcome());
        row(md, "Profile", call.profileRef().map(ProfileRef::describe).orElse("—"));
        AcceptSettings s = call.settings();
        if (s != null) {
            row(md, "Agent", s.model() + ", voice " + s.voice());
        }
        md.append("\n## Transcript\n\n");
        if (call.transcript().isEmpty()) {
            md.append("_Nothing was said._\n");
        }
        for (TranscriptEntry e : call.transcript()) {
            md.append('`').append(clock(offset(call, e.at()))).append("` ");
            switch (e.kind()) {
                case UTTERANCE -> {
                    String who = e.speaker() == null ? "Unknown" : capitalized(e.speaker().label());
                    md.append("**").append(who).append(":** ").append(inline(e.text()));
                    if (e.status() == TranscriptEntry.Status.FAILED) {
                        md.append(" _(failed)_");
                    } else if (e.status() == TranscriptEntry.Status.STREAMING) {
                        md.append(" _(unfinished)_");
                    }
                }
                case DTMF -> md.append("_[keypad ").append(inline(e.text())).append("]_");
                case STATE -> md.append("_— ").append(inline(e.text())).append(" —_");
                case NOTE -> md.append("_[").append(inline(e.text())).append("]_");
            }
            md.append("  \n");
        }
        return scrub(md.toString(), callerNumbers(List.of(call)));
    }

    // ---- JSON ----

    /** Everything about the call, for tools; {@link HistoryJson#readCall} reads it back (e.g. for replay). */
    public String json(StoredCall call) {
        return scrub(HistoryJson.writeCall(call), callerNumbers(List.of(call)));
    }

    /**
     * Like {@link #json(StoredCall)}, with a {@code metrics} object and the post-call analysis as {@code "analysis"}
     * when they are there (either may be null); {@link HistoryJson#readCall} ignores both.
     */
    public String json(StoredCall call, CallMetrics metrics, CallAnalysis analysis) {
        String json = analysis == null ? HistoryJson.writeCall(call) : HistoryJson.writeCall(call, analysis);
        return scrub(metrics == null ? json : MetricsMarkdown.withMetrics(json, metrics), callerNumbers(List.of(call)));
    }

    // ---- CSV ----

    public static final List<String> CSV_COLUMNS = List.of("call_id", "started", "ended", "duration_seconds",
            "caller_name", "caller_number", "callee_number", "state", "reason", "profile", "profile_version",
            "utterances", "analysis_status", "analysis_score", "analysis_outcome", "analysis_summary");

    /** One line per call (RFC 4180, CRLF line ends, header first), oldest first; the analysis cells empty. */
    public String csv(List<CallSummary> calls) {
        return csv(calls, Map.of());
    }

    /** Like {@link #csv(List)}, with each call's post-call analysis by call id (empty cells for calls without). */
    public String csv(List<CallSummary> calls, Map<String, CallAnalysis> analyses) {
        List<CallSummary> ordered = new ArrayList<>(calls);
        ordered.sort(Comparator.comparing(CallSummary::startedAt).thenComparing(CallSummary::id));
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        Set<String> numbers = new LinkedHashSet<>();
        for (CallSummary c : ordered) {
            numbers.add(c.callerNumber());
            List<String> cells = List.of(c.id(), TIME.format(c.startedAt().atZone(options.zone())),
                    c.endedAt() == null ? "" : TIME.format(c.endedAt().atZone(options.zone())),
                    Long.toString(c.duration().toSeconds()), c.callerName(), c.callerNumber(), c.calleeNumber(),
                    c.state().name().toLowerCase(), c.reason(), c.profile() == null ? "" : c.profile().name(),
                    c.profile() == null ? "" : Integer.toString(c.profile().version()),
                    Integer.toString(c.utterances()));
            cells = new ArrayList<>(cells);
            cells.addAll(analysisCells(analyses.get(c.id())));
            out.append(String.join(",", cells.stream().map(Exporter::csvCell).toList())).append("\r\n");
        }
        return scrub(out.toString(), numbers);
    }

    private static List<String> analysisCells(CallAnalysis a) {
        if (a == null) {
            return List.of("", "", "", "");
        }
        return a.isDone() ? List.of("done", a.meanScore().isPresent() ? a.meanScoreText() : "", a.outcome(), a.summary())
                : List.of("failed", "", "", a.error());
    }

    // ---- scrubbing ----

    /** "+15551230001" → "+•••••••0001": every digit but the last four masked, other characters kept. */
    public static String maskNumber(String number) {
        if (number == null) {
            return "";
        }
        int digits = (int) number.chars().filter(Character::isDigit).count();
        int toMask = Math.max(0, digits - 4);
        StringBuilder out = new StringBuilder(number.length());
        for (char ch : number.toCharArray()) {
            if (Character.isDigit(ch) && toMask > 0) {
                out.append(MASK);
                toMask--;
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private Set<String> callerNumbers(List<StoredCall> calls) {
        Set<String> numbers = new LinkedHashSet<>();
        for (StoredCall c : calls) {
            numbers.add(c.caller().number());
        }
        return numbers;
    }

    private String scrub(String text, Set<String> callerNumbers) {
        String out = redactSecrets(text);
        if (options.maskCallerNumbers()) {
            for (String number : callerNumbers) {
                if (number != null && number.chars().filter(Character::isDigit).count() > 4) {
                    out = out.replace(number, maskNumber(number));
                }
            }
        }
        return out;
    }

    // ---- helpers ----

    private static Duration offset(StoredCall call, Instant at) {
        Duration d = Duration.between(call.createdAt(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** mm:ss, or h:mm:ss from an hour on. */
    static String clock(Duration d) {
        long seconds = d.toSeconds();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    private void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(inline(value).replace("|", "\\|")).append(" |\n");
    }

    /** The exact secrets given, then anything shaped like a key, a signing secret or a bearer token. */
    private String redactSecrets(String text) {
        String out = text;
        for (String secret : options.redact()) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, REDACTED);
            }
        }
        return Redactor.redactShapes(out);
    }

    /**
     * One line of Markdown text: line breaks flattened, characters that would start markup escaped. Secrets are
     * redacted first: escaping breaks them up (sk\_…) so that neither the exact match nor the shape would find them.
     */
    private String inline(String raw) {
        String text = redactSecrets(raw);
        return text.replaceAll("\\s*\\R\\s*", " ").replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String csvCell(String value) {
        String v = value == null ? "" : value;
        // a leading =, +, - or @ would be a formula in a spreadsheet: prefix with ' (OWASP CSV injection)
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[+\\-]?[0-9•]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
