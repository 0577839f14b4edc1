package dev.switchboard.call;

/** Voice activity detection modes offered by the Realtime API ({@code audio.input.turn_detection}). */
public enum TurnDetection {
    SEMANTIC_VAD("semantic_vad"), SERVER_VAD("server_vad"), NONE("none");

    private final String wireName;

    TurnDetection(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static TurnDetection fromWire(String value) {
        for (TurnDetection t : values()) {
            if (t.wireName.equalsIgnoreCase(value) || t.name().equalsIgnoreCase(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown turn detection '" + value + "' (use semantic_vad, server_vad or none)");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
