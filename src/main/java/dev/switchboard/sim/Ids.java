package dev.switchboard.sim;

import java.security.SecureRandom;

/** Identifiers in the shapes OpenAI uses ({@code rtc_}, {@code event_}, {@code item_}…). */
final class Ids {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    static String random(int length) {
        return pick(ALPHANUMERIC, length);
    }

    static String hex(int length) {
        return pick(HEX, length);
    }

    static String callId() {
        return "rtc_" + hex(32);
    }

    static String event() {
        return "event_" + random(21);
    }

    static String item() {
        return "item_" + random(21);
    }

    static String response() {
        return "resp_" + random(21);
    }

    static String functionCall() {
        return "call_" + random(16);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
