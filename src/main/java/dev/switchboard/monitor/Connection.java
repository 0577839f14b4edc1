package dev.switchboard.monitor;

/** What the monitor connects with; the live key and secret may be absent (then: demo mode). */
public record Connection(String apiKey, String webhookSecret, int port, String bind, String baseUrl) {

    /** Demo mode unless both a key and a secret are set (or demo was asked for). */
    public boolean demo(boolean demoRequested) {
        return demoRequested || apiKey == null || webhookSecret == null;
    }

    @Override
    public String toString() {
        return "Connection[apiKey=" + ConnectionSettings.maskKey(apiKey) + ", port=" + port + ", bind=" + bind
                + ", baseUrl=" + baseUrl + "]";
    }
}
