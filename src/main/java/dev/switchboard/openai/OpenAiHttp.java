package dev.switchboard.openai;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The one OkHttp client of the app: shares its connection pool and dispatcher between REST and sockets. */
public final class OpenAiHttp {

    private OpenAiHttp() {
    }

    public static OkHttpClient newClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(10))
                // our RetryPolicy decides about retries; OkHttp's silent one could double a POST
                .retryOnConnectionFailure(false)
                // notices a dead sideband socket within a minute instead of never
                .pingInterval(Duration.ofSeconds(20))
                .build();
    }
}
