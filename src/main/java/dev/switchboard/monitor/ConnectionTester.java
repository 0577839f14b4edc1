package dev.switchboard.monitor;

import dev.switchboard.openai.CallsClient;
import dev.switchboard.openai.OpenAiApiException;
import dev.switchboard.openai.OpenAiEndpoints;
import dev.switchboard.openai.RetryPolicy;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** Tells a person, in one sentence, whether an API key works against a base URL ({@code GET /models}). */
final class ConnectionTester {

    private final OkHttpClient http;

    ConnectionTester(OkHttpClient http) {
        this.http = http;
    }

    /** Blocks; {@code key} may be null (nothing to test). */
    String test(String key, String base) {
        if (key == null) {
            return "No API key to test: enter one first.";
        }
        OpenAiEndpoints endpoints;
        try {
            endpoints = new OpenAiEndpoints(base);
        } catch (IllegalArgumentException e) {
            return "The base URL is not an http or https URL.";
        }
        try {
            new CallsClient(http, endpoints, key, RetryPolicy.DEFAULT).checkKey();
            return "OK: the key works (" + base + " answered).";
        } catch (OpenAiApiException e) {
            return switch (e.status()) {
                case 401 -> "Key refused (401): " + base + " does not accept this API key.";
                case 404 -> "Not the OpenAI API? " + base + "/models answered 404: check the base URL.";
                case 0 -> "Could not reach " + base + ": " + Optional.ofNullable(e.getCause())
                        .map(Throwable::getMessage).orElse("no answer") + ".";
                default -> e.getMessage();
            };
        }
    }
}
