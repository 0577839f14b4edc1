package dev.switchboard.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional parts of the GA session config beyond {@link AcceptSettings}' basics. Every field may be unset
 * ({@code null} or {@code ""}), and an unset field is not sent: the API's default applies. Turn-detection tuning
 * applies to the mode chosen in {@link AcceptSettings#turnDetection()}.
 *
 * @param noiseReduction  {@code near_field}, {@code far_field}, or unset (off)
 * @param maxOutputTokens {@code inf} or a number 1-4096
 * @param truncation      {@code auto}, {@code disabled} or {@code retention_ratio} (with {@code retentionRatio})
 * @param tracing         unset (off), {@code auto}, or {@code workflow} (with {@code workflowName}; the call id is
 *                        the group and the profile's name and version the metadata)
 * @param profileName     stamped when accepting with a profile, for the trace metadata; never stored
 */
public record SessionConfig(Double speed, String noiseReduction,
                            Double vadThreshold, Integer prefixPaddingMs, Integer silenceDurationMs,
                            Integer idleTimeoutMs, String eagerness, Boolean createResponse,
                            Boolean interruptResponse,
                            String transcriptionLanguage, String transcriptionPrompt,
                            String maxOutputTokens, String truncation, Double retentionRatio,
                            String tracing, String workflowName,
                            String promptId, String promptVersion, Map<String, String> promptVariables,
                            String reasoningEffort,
                            String profileName, int profileVersion) {

    public static final SessionConfig NONE = new Builder().build();
    public static final List<String> NOISE_REDUCTIONS = List.of("near_field", "far_field");
    public static final List<String> EAGERNESS = List.of("low", "medium", "high", "auto");
    public static final List<String> TRUNCATIONS = List.of("auto", "disabled", "retention_ratio");
    public static final List<String> TRACING = List.of("auto", "workflow");
    public static final List<String> REASONING_EFFORTS = List.of("minimal", "low", "medium", "high", "xhigh");

    public SessionConfig {
        noiseReduction = trim(noiseReduction);
        eagerness = trim(eagerness);
        transcriptionLanguage = trim(transcriptionLanguage);
        transcriptionPrompt = transcriptionPrompt == null ? "" : transcriptionPrompt;
        maxOutputTokens = trim(maxOutputTokens);
        truncation = trim(truncation);
        tracing = trim(tracing);
        workflowName = trim(workflowName);
        promptId = trim(promptId);
        promptVersion = trim(promptVersion);
        promptVariables = promptVariables == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(promptVariables));
        reasoningEffort = trim(reasoningEffort);
        profileName = trim(profileName);
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    /** The same config with the profile it is accepted with (the trace's metadata). */
    public SessionConfig forProfile(String name, int version) {
        Builder b = toBuilder();
        b.profileName = name;
        b.profileVersion = version;
        return b.build();
    }

    /** Everything a person set, without the stamped profile: what profiles store and compare. */
    public SessionConfig withoutProfile() {
        return forProfile("", 0);
    }

    public List<String> problems(TurnDetection mode) {
        List<String> p = new ArrayList<>();
        if (speed != null && (speed < 0.25 || speed > 1.5)) {
            p.add("Speed must be between 0.25 and 1.5.");
        }
        if (!noiseReduction.isEmpty() && !NOISE_REDUCTIONS.contains(noiseReduction)) {
            p.add("Noise reduction must be near_field, far_field or off.");
        }
        boolean serverTuning = vadThreshold != null || prefixPaddingMs != null || silenceDurationMs != null
                || idleTimeoutMs != null;
        if (serverTuning && mode != TurnDetection.SERVER_VAD) {
            p.add("Threshold, prefix padding, silence and idle timeout need server_vad turn detection.");
        }
        if (!eagerness.isEmpty() && mode != TurnDetection.SEMANTIC_VAD) {
            p.add("Eagerness needs semantic_vad turn detection.");
        } else if (!eagerness.isEmpty() && !EAGERNESS.contains(eagerness)) {
            p.add("Eagerness must be one of " + String.join(", ", EAGERNESS) + ".");
        }
        if ((createResponse != null || interruptResponse != null) && mode == TurnDetection.NONE) {
            p.add("Create/interrupt response need turn detection.");
        }
        if (vadThreshold != null && (vadThreshold < 0 || vadThreshold > 1)) {
            p.add("VAD threshold must be between 0 and 1.");
        }
        if (prefixPaddingMs != null && prefixPaddingMs < 0 || silenceDurationMs != null && silenceDurationMs < 0) {
            p.add("Prefix padding and silence must be 0 ms or more.");
        }
        if (idleTimeoutMs != null && (idleTimeoutMs < 5_000 || idleTimeoutMs > 30_000)) {
            p.add("Idle timeout must be between 5000 and 30000 ms.");
        }
        if (!maxOutputTokens.isEmpty() && !maxOutputTokens.equals("inf")) {
            if (!maxOutputTokens.matches("\\d{1,4}") || Integer.parseInt(maxOutputTokens) < 1
                    || Integer.parseInt(maxOutputTokens) > 4096) {
                p.add("Max output tokens must be inf or a number from 1 to 4096.");
            }
        }
        if (!truncation.isEmpty() && !TRUNCATIONS.contains(truncation)) {
            p.add("Truncation must be auto, disabled or retention_ratio.");
        }
        if (truncation.equals("retention_ratio") && (retentionRatio == null || retentionRatio < 0 || retentionRatio > 1)) {
            p.add("Retention ratio truncation needs a ratio between 0 and 1.");
        }
        if (!tracing.isEmpty() && !TRACING.contains(tracing)) {
            p.add("Tracing must be off, auto or workflow.");
        }
        if (tracing.equals("workflow") && workflowName.isEmpty()) {
            p.add("Tracing by workflow needs a workflow name.");
        }
        if (promptId.isEmpty() && (!promptVersion.isEmpty() || !promptVariables.isEmpty())) {
            p.add("A stored prompt's version or variables need its id.");
        }
        if (!reasoningEffort.isEmpty() && !REASONING_EFFORTS.contains(reasoningEffort)) {
            p.add("Reasoning effort must be one of " + String.join(", ", REASONING_EFFORTS) + ".");
        }
        return p;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.speed = speed;
        b.noiseReduction = noiseReduction;
        b.vadThreshold = vadThreshold;
        b.prefixPaddingMs = prefixPaddingMs;
        b.silenceDurationMs = silenceDurationMs;
        b.idleTimeoutMs = idleTimeoutMs;
        b.eagerness = eagerness;
        b.createResponse = createResponse;
        b.interruptResponse = interruptResponse;
        b.transcriptionLanguage = transcriptionLanguage;
        b.transcriptionPrompt = transcriptionPrompt;
        b.maxOutputTokens = maxOutputTokens;
        b.truncation = truncation;
        b.retentionRatio = retentionRatio;
        b.tracing = tracing;
        b.workflowName = workflowName;
        b.promptId = promptId;
        b.promptVersion = promptVersion;
        b.promptVariables = promptVariables;
        b.reasoningEffort = reasoningEffort;
        b.profileName = profileName;
        b.profileVersion = profileVersion;
        return b;
    }

    /** Mutable, for editors and readers; fields are public because it is a plain bag of optional values. */
    public static final class Builder {
        public Double speed;
        public String noiseReduction;
        public Double vadThreshold;
        public Integer prefixPaddingMs;
        public Integer silenceDurationMs;
        public Integer idleTimeoutMs;
        public String eagerness;
        public Boolean createResponse;
        public Boolean interruptResponse;
        public String transcriptionLanguage;
        public String transcriptionPrompt;
        public String maxOutputTokens;
        public String truncation;
        public Double retentionRatio;
        public String tracing;
        public String workflowName;
        public String promptId;
        public String promptVersion;
        public Map<String, String> promptVariables;
        public String reasoningEffort;
        public String profileName;
        public int profileVersion;

        public SessionConfig build() {
            return new SessionConfig(speed, noiseReduction, vadThreshold, prefixPaddingMs, silenceDurationMs,
                    idleTimeoutMs, eagerness, createResponse, interruptResponse, transcriptionLanguage,
                    transcriptionPrompt, maxOutputTokens, truncation, retentionRatio, tracing, workflowName, promptId,
                    promptVersion, promptVariables, reasoningEffort, profileName, profileVersion);
        }
    }
}
