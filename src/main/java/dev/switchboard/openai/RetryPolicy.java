package dev.switchboard.openai;

import java.time.Duration;

/** Short exponential backoff: attempt n waits initial × 2^(n-1), capped. */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    /** A call rings for seconds, not minutes: four tries within about a second. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(150), Duration.ofSeconds(1));

    /**
     * The sideband socket of a live call: the phone call goes on through a Wi-Fi switch or a laptop waking up, so
     * the monitor keeps trying for about a minute and a half before it gives the call up.
     */
    public static final RetryPolicy SOCKET = new RetryPolicy(20, Duration.ofMillis(250), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Delay before retry number {@code retry} (1 = first retry). */
    public Duration delayBefore(int retry) {
        long millis = initialDelay.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
