package dev.switchboard.ui.tools;

import dev.switchboard.call.SessionConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The advanced session fields as text a person types, kept in step with a draft's {@link SessionConfig}: an empty
 * field (or {@link #DEFAULT}) is unset and not sent. What cannot be read (a speed of "fast") goes to the draft's
 * input problems, so Accept is disabled with the reason; range checks are the config's own
 * ({@link SessionConfig#problems}). FX thread only.
 */
public final class SessionConfigViewModel {

    /** How an unset choice reads. */
    public static final String DEFAULT = "default";
    public static final String OFF = "off";
    public static final List<String> NOISE_CHOICES = List.of(OFF, "near_field", "far_field");
    public static final List<String> EAGERNESS_CHOICES = withDefault(SessionConfig.EAGERNESS);
    public static final List<String> TRUNCATION_CHOICES = withDefault(SessionConfig.TRUNCATIONS);
    public static final List<String> TRACING_CHOICES = List.of(OFF, "auto", "workflow");
    public static final List<String> REASONING_CHOICES = withDefault(SessionConfig.REASONING_EFFORTS);
    public static final List<String> ON_OFF_CHOICES = List.of(DEFAULT, "on", "off");

    private final ObjectProperty<SessionConfig> target;
    private final StringProperty problemsTarget;
    private final StringProperty speed = field("speed");
    private final StringProperty noiseReduction = field("noiseReduction");
    private final StringProperty vadThreshold = field("vadThreshold");
    private final StringProperty prefixPaddingMs = field("prefixPaddingMs");
    private final StringProperty silenceDurationMs = field("silenceDurationMs");
    private final StringProperty idleTimeoutMs = field("idleTimeoutMs");
    private final StringProperty eagerness = field("eagerness");
    private final StringProperty createResponse = field("createResponse");
    private final StringProperty interruptResponse = field("interruptResponse");
    private final StringProperty transcriptionLanguage = field("transcriptionLanguage");
    private final StringProperty transcriptionPrompt = field("transcriptionPrompt");
    private final StringProperty maxOutputTokens = field("maxOutputTokens");
    private final StringProperty truncation = field("truncation");
    private final StringProperty retentionRatio = field("retentionRatio");
    private final StringProperty tracing = field("tracing");
    private final StringProperty workflowName = field("workflowName");
    private final StringProperty promptId = field("promptId");
    private final StringProperty promptVersion = field("promptVersion");
    private final StringProperty promptVariables = field("promptVariables");
    private final StringProperty reasoningEffort = field("reasoningEffort");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private SessionConfig written;
    private boolean loading;

    /**
     * @param target         the draft's session config, written on every edit and read back when it is loaded
     * @param problemsTarget the draft's input problems, one per line
     */
    public SessionConfigViewModel(ObjectProperty<SessionConfig> target, StringProperty problemsTarget) {
        this.target = target;
        this.problemsTarget = problemsTarget;
        for (Observable o : List.of(speed, noiseReduction, vadThreshold, prefixPaddingMs, silenceDurationMs,
                idleTimeoutMs, eagerness, createResponse, interruptResponse, transcriptionLanguage, transcriptionPrompt,
                maxOutputTokens, truncation, retentionRatio, tracing, workflowName, promptId, promptVersion,
                promptVariables, reasoningEffort)) {
            o.addListener(x -> write());
        }
        target.addListener((obs, old, now) -> {
            if (!Objects.equals(now, written)) {
                load(now);
            }
        });
        load(target.get());
    }

    private StringProperty field(String name) {
        return new SimpleStringProperty(this, name, "");
    }

    /** Fills the fields from a config (a loaded profile or the last-used settings). */
    public void load(SessionConfig c) {
        SessionConfig s = c == null ? SessionConfig.NONE : c;
        loading = true;
        try {
            speed.set(text(s.speed()));
            noiseReduction.set(s.noiseReduction().isEmpty() ? OFF : s.noiseReduction());
            vadThreshold.set(text(s.vadThreshold()));
            prefixPaddingMs.set(text(s.prefixPaddingMs()));
            silenceDurationMs.set(text(s.silenceDurationMs()));
            idleTimeoutMs.set(text(s.idleTimeoutMs()));
            eagerness.set(orDefault(s.eagerness()));
            createResponse.set(onOff(s.createResponse()));
            interruptResponse.set(onOff(s.interruptResponse()));
            transcriptionLanguage.set(s.transcriptionLanguage());
            transcriptionPrompt.set(s.transcriptionPrompt());
            maxOutputTokens.set(s.maxOutputTokens());
            truncation.set(orDefault(s.truncation()));
            retentionRatio.set(text(s.retentionRatio()));
            tracing.set(s.tracing().isEmpty() ? OFF : s.tracing());
            workflowName.set(s.workflowName());
            promptId.set(s.promptId());
            promptVersion.set(s.promptVersion());
            StringBuilder vars = new StringBuilder();
            s.promptVariables().forEach((k, v) -> vars.append(vars.length() == 0 ? "" : "\n").append(k).append('=').append(v));
            promptVariables.set(vars.toString());
            reasoningEffort.set(orDefault(s.reasoningEffort()));
        } finally {
            loading = false;
        }
        write();
    }

    private void write() {
        if (loading) {
            return;
        }
        List<String> problems = new ArrayList<>();
        SessionConfig old = target.get() == null ? SessionConfig.NONE : target.get();
        SessionConfig.Builder b = new SessionConfig.Builder();
        b.speed = number(speed, "Speed", Double::valueOf, problems);
        b.noiseReduction = unset(noiseReduction.get(), OFF);
        b.vadThreshold = number(vadThreshold, "VAD threshold", Double::valueOf, problems);
        b.prefixPaddingMs = number(prefixPaddingMs, "Prefix padding", Integer::valueOf, problems);
        b.silenceDurationMs = number(silenceDurationMs, "Silence duration", Integer::valueOf, problems);
        b.idleTimeoutMs = number(idleTimeoutMs, "Idle timeout", Integer::valueOf, problems);
        b.eagerness = unset(eagerness.get(), DEFAULT);
        b.createResponse = bool(createResponse.get());
        b.interruptResponse = bool(interruptResponse.get());
        b.transcriptionLanguage = transcriptionLanguage.get();
        b.transcriptionPrompt = transcriptionPrompt.get();
        b.maxOutputTokens = maxOutputTokens.get();
        b.truncation = unset(truncation.get(), DEFAULT);
        b.retentionRatio = number(retentionRatio, "Retention ratio", Double::valueOf, problems);
        b.tracing = unset(tracing.get(), OFF);
        b.workflowName = workflowName.get();
        b.promptId = promptId.get();
        b.promptVersion = promptVersion.get();
        b.promptVariables = variables(promptVariables.get(), problems);
        b.reasoningEffort = unset(reasoningEffort.get(), DEFAULT);
        b.profileName = old.profileName();
        b.profileVersion = old.profileVersion();
        SessionConfig next = b.build();
        written = next;
        summary.set(describe(next));
        problemsTarget.set(String.join("\n", problems));
        target.set(next);
    }

    /** "3 set" or "nothing set", for the Advanced header. */
    static String describe(SessionConfig s) {
        int set = 0;
        for (Object v : new Object[] {s.speed(), s.vadThreshold(), s.prefixPaddingMs(), s.silenceDurationMs(),
                s.idleTimeoutMs(), s.createResponse(), s.interruptResponse(), s.retentionRatio()}) {
            set += v == null ? 0 : 1;
        }
        for (String v : new String[] {s.noiseReduction(), s.eagerness(), s.transcriptionLanguage(),
                s.transcriptionPrompt(), s.maxOutputTokens(), s.truncation(), s.tracing(), s.workflowName(),
                s.promptId(), s.promptVersion(), s.reasoningEffort()}) {
            set += v.isEmpty() ? 0 : 1;
        }
        set += s.promptVariables().isEmpty() ? 0 : 1;
        return set == 0 ? "API defaults" : set + (set == 1 ? " field set" : " fields set");
    }

    private static <T> T number(StringProperty field, String what, Function<String, T> parse, List<String> problems) {
        String t = field.get() == null ? "" : field.get().trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(t);
        } catch (NumberFormatException e) {
            problems.add(what + " '" + t + "' is not a number.");
            return null;
        }
    }

    private static Map<String, String> variables(String text, List<String> problems) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add("Prompt variable '" + line.trim() + "' must be name=value.");
            } else {
                vars.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return vars;
    }

    private static String unset(String value, String unsetWord) {
        return value == null || value.equals(unsetWord) ? "" : value;
    }

    private static Boolean bool(String v) {
        return "on".equals(v) ? Boolean.TRUE : "off".equals(v) ? Boolean.FALSE : null;
    }

    private static String onOff(Boolean b) {
        return b == null ? DEFAULT : b ? "on" : "off";
    }

    private static String orDefault(String v) {
        return v.isEmpty() ? DEFAULT : v;
    }

    private static String text(Number n) {
        if (n == null) {
            return "";
        }
        return String.valueOf(n);
    }

    private static List<String> withDefault(List<String> values) {
        List<String> out = new ArrayList<>();
        out.add(DEFAULT);
        out.addAll(values);
        return List.copyOf(out);
    }

    public StringProperty speedProperty() { return speed; }
    public StringProperty noiseReductionProperty() { return noiseReduction; }
    public StringProperty vadThresholdProperty() { return vadThreshold; }
    public StringProperty prefixPaddingMsProperty() { return prefixPaddingMs; }
    public StringProperty silenceDurationMsProperty() { return silenceDurationMs; }
    public StringProperty idleTimeoutMsProperty() { return idleTimeoutMs; }
    public StringProperty eagernessProperty() { return eagerness; }
    public StringProperty createResponseProperty() { return createResponse; }
    public StringProperty interruptResponseProperty() { return interruptResponse; }
    public StringProperty transcriptionLanguageProperty() { return transcriptionLanguage; }
    public StringProperty transcriptionPromptProperty() { return transcriptionPrompt; }
    public StringProperty maxOutputTokensProperty() { return maxOutputTokens; }
    public StringProperty truncationProperty() { return truncation; }
    public StringProperty retentionRatioProperty() { return retentionRatio; }
    public StringProperty tracingProperty() { return tracing; }
    public StringProperty workflowNameProperty() { return workflowName; }
    public StringProperty promptIdProperty() { return promptId; }
    public StringProperty promptVersionProperty() { return promptVersion; }
    /** One {@code name=value} per line. */
    public StringProperty promptVariablesProperty() { return promptVariables; }
    public StringProperty reasoningEffortProperty() { return reasoningEffort; }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
