package dev.switchboard.call;

/**
 * How a function call to one tool is answered: by a person at the card, or automatically after {@code delayMs}
 * with {@code output} (the canned reply, a string, usually JSON) or with an error saying {@code output}.
 */
public record ToolReply(Mode mode, String output, long delayMs) {

    public enum Mode {
        BY_HAND("by hand"), CANNED("canned reply"), ERROR("error reply");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ToolReply {
        mode = mode == null ? Mode.BY_HAND : mode;
        output = output == null ? "" : output;
        delayMs = Math.max(0, delayMs);
    }

    public static ToolReply byHand(String prefill) {
        return new ToolReply(Mode.BY_HAND, prefill, 0);
    }

    public static ToolReply canned(String output, long delayMs) {
        return new ToolReply(Mode.CANNED, output, delayMs);
    }

    public static ToolReply error(String message, long delayMs) {
        return new ToolReply(Mode.ERROR, message, delayMs);
    }

    public boolean automatic() {
        return mode != Mode.BY_HAND;
    }
}
