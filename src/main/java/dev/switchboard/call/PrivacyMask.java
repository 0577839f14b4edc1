package dev.switchboard.call;

/**
 * What presenter mode shows instead of private data: caller numbers with only their last digits, secrets not at
 * all. Plain functions of their input, so the window, the headless printer and exports mask the same way.
 */
public final class PrivacyMask {

    /** One bullet per hidden digit. */
    public static final char BULLET = '\u2022';
    /** Digits kept at the end of a long number. */
    public static final int KEPT_DIGITS = 4;
    /** What a secret shows as: always the same length, so its length is not revealed either. */
    public static final String HIDDEN_SECRET = "\u2022".repeat(8);

    private PrivacyMask() {
    }

    /**
     * {@code +15551230001} → {@code •••••••0001}: each digit but the last four becomes a bullet, and the
     * punctuation ({@code +}, spaces, dashes) goes, so its shape gives nothing away. A short number (an
     * extension) keeps only half its digits; text without digits ({@code anonymous}, {@code sip:alice@…})
     * becomes three bullets; {@code null} or blank stays as it is.
     */
    public static String maskNumber(String number) {
        if (number == null || number.isBlank()) {
            return number;
        }
        StringBuilder digits = new StringBuilder();
        number.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        if (digits.length() == 0) {
            return String.valueOf(BULLET).repeat(3);
        }
        int kept = Math.min(KEPT_DIGITS, digits.length() / 2);
        int hidden = digits.length() - kept;
        return String.valueOf(BULLET).repeat(hidden) + digits.substring(hidden);
    }

    /** A party as presenter mode shows it: the display name (the audience sees it on the phone anyway) and the masked number. */
    public static String maskAddress(SipAddress address) {
        if (address == null) {
            return "";
        }
        String masked = maskNumber(address.number());
        return address.displayName().isBlank() ? masked : address.displayName() + " (" + masked + ")";
    }

    /** Any key, secret or token: {@link #HIDDEN_SECRET} when there is one, {@code ""} when there is none. */
    public static String maskSecret(String secret) {
        return secret == null || secret.isEmpty() ? "" : HIDDEN_SECRET;
    }

    /**
     * A key or secret as settings and logs show it: its first {@code head} characters (a recognisable prefix such as
     * {@code sk-} or {@code whsec_}), {@code ellipsis}, its last 4. "(set)" when it is too short for that to hide
     * most of it, "(not set)" when there is none.
     */
    public static String keepEnds(String value, int head, String ellipsis) {
        if (value == null || value.isBlank()) {
            return "(not set)";
        }
        String v = value.strip();
        if (v.length() < 12 + head) {
            return "(set)";
        }
        return v.substring(0, head) + ellipsis + v.substring(v.length() - 4);
    }
}
