package dev.switchboard.call;

/** List prices of one model in USD per 1M tokens (the keys of {@code prices.json}). */
public record ModelPrice(double textInput, double textCachedInput, double textOutput,
                         double audioInput, double audioCachedInput, double audioOutput) {

    /** What one response cost: each token class at its own price, cached input at the cached price. */
    public double costUsd(ResponseUsage u) {
        double perMillion = u.uncachedTextInput() * textInput
                + u.cachedTextInput() * textCachedInput
                + u.uncachedAudioInput() * audioInput
                + u.cachedAudioInput() * audioCachedInput
                + u.textOutput() * textOutput
                + u.audioOutput() * audioOutput;
        return perMillion / 1e6;
    }
}
