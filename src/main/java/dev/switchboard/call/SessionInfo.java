package dev.switchboard.call;

/** The session as the server last reported it ({@code session.created} / {@code session.updated}); fields may be null. */
public record SessionInfo(String sessionId, String model, String voice, String transcriptionModel, String turnDetection,
                          String instructions) {
}
