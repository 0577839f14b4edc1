package dev.switchboard.sim;

import dev.switchboard.webhook.WebhookSecret;

/**
 * How a {@link Simulator} behaves.
 *
 * @param apiKey        the bearer key REST calls and the sideband socket must present
 * @param webhookSecret the {@code whsec_…} secret the webhook is signed with
 * @param speed         pacing: 1.0 = realistic human pacing, 20 = twenty times faster, 0 = no delays at all
 */
public record SimOptions(String apiKey, String webhookSecret, double speed) {

    public SimOptions {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is empty");
        }
        WebhookSecret.parse(webhookSecret); // fail early on an unusable secret
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be 0 or a positive number, was " + speed);
        }
    }

    /** Realistic pacing with a fresh key and secret: the app's demo mode. */
    public static SimOptions demo() {
        return new SimOptions("sk-sim-" + Ids.random(24), WebhookSecret.generate(), 1.0);
    }

    /** No delays at all: for tests. */
    public static SimOptions fast() {
        return new SimOptions("sk-sim-" + Ids.random(24), WebhookSecret.generate(), 0);
    }

    public SimOptions withSpeed(double value) {
        return new SimOptions(apiKey, webhookSecret, value);
    }

    /** A delay in real milliseconds for a duration at human pace; 0 when instant. */
    long scale(long humanMillis) {
        return speed == 0 ? 0 : Math.round(humanMillis / speed);
    }

    @Override
    public String toString() {
        return "SimOptions[apiKey=redacted, webhookSecret=redacted, speed=" + speed + "]";
    }
}
