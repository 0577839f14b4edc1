package dev.switchboard.call;

import java.time.Instant;

/** One message seen on the sideband socket (or a webhook), kept verbatim for the inspector. */
public record RawEvent(Instant at, Direction direction, String type, String json) {

    public enum Direction { IN, OUT }
}
