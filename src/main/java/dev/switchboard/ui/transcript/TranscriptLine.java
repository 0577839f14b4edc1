package dev.switchboard.ui.transcript;

import dev.switchboard.call.AgentReply;
import dev.switchboard.call.Speaker;
import dev.switchboard.call.SpeakerSegment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import dev.switchboard.call.TranscriptEntry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One bubble or marker of the transcript; its text and status change in place while it streams. */
public final class TranscriptLine {

    private final String key;
    private final TranscriptEntry.Kind kind;
    private final ObjectProperty<Speaker> speaker = new SimpleObjectProperty<>(this, "speaker");
    private final String timestamp;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<TranscriptEntry.Status> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<AgentReply> reply = new SimpleObjectProperty<>(this, "reply");
    private final StringProperty speakerTag = new SimpleStringProperty(this, "speakerTag", "");

    /** The line for one transcript entry, its offset from the call's start already formatted. */
    public static TranscriptLine of(TranscriptEntry entry, String timestamp) {
        return new TranscriptLine(entry, timestamp);
    }

    TranscriptLine(TranscriptEntry entry, String timestamp) {
        this.key = entry.key();
        this.kind = entry.kind();
        this.timestamp = timestamp;
        update(entry);
    }

    void update(TranscriptEntry entry) {
        speaker.set(entry.speaker());
        text.set(entry.text());
        status.set(entry.status());
    }

    public String key() {
        return key;
    }

    public TranscriptEntry.Kind kind() {
        return kind;
    }

    public boolean isUtterance() {
        return kind == TranscriptEntry.Kind.UTTERANCE;
    }

    /** mm:ss since the call came in. */
    public String timestamp() {
        return timestamp;
    }

    public ReadOnlyObjectProperty<Speaker> speakerProperty() {
        return speaker;
    }

    public Speaker speaker() {
        return speaker.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    public ReadOnlyObjectProperty<TranscriptEntry.Status> statusProperty() {
        return status;
    }

    /** What the monitor knows of an agent line's response: latency, status, what the caller did not hear. */
    public ReadOnlyObjectProperty<AgentReply> replyProperty() {
        return reply;
    }

    public AgentReply reply() {
        return reply.get();
    }

    void useReply(AgentReply value) {
        if (!java.util.Objects.equals(reply.get(), value)) {
            reply.set(value);
        }
    }

    /** A caller line's diarized speaker, e.g. "Speaker A"; empty when the transcription gave none. */
    public ReadOnlyStringProperty speakerTagProperty() {
        return speakerTag;
    }

    public String speakerTag() {
        return speakerTag.get();
    }

    void useSegments(List<SpeakerSegment> segments) {
        String tag = speakerTag(segments);
        if (!tag.equals(speakerTag.get())) {
            speakerTag.set(tag);
        }
    }

    /**
     * The speakers of a line's diarized segments, in order of first appearance: "Speaker A", "Speakers A, B"; a
     * label that already says "speaker" ({@code speaker_0}) is not doubled. Empty without labels.
     */
    static String speakerTag(List<SpeakerSegment> segments) {
        Set<String> names = new LinkedHashSet<>();
        for (SpeakerSegment s : segments) {
            String label = s.speaker() == null ? "" : s.speaker().strip();
            if (!label.isEmpty()) {
                names.add(label.replaceFirst("(?i)^speaker[\\s_-]*(?=.)", ""));
            }
        }
        return names.isEmpty() ? "" : (names.size() == 1 ? "Speaker " : "Speakers ") + String.join(", ", names);
    }

    /** The caller barged in: part of this line was never heard. */
    public boolean isInterrupted() {
        return reply.get() != null && reply.get().interrupted();
    }

    public boolean isFailed() {
        return status.get() == TranscriptEntry.Status.FAILED;
    }

    /** How a marker reads inline, e.g. "Pressed 5". */
    public String markerText() {
        return switch (kind) {
            case DTMF -> "Pressed " + text.get();
            default -> text.get();
        };
    }

    /** One line of plain text, as copied to the clipboard. */
    public String copyText() {
        if (!isUtterance()) {
            return "[" + timestamp + "] — " + markerText() + " —";
        }
        String who = (speaker.get() == null ? "Unknown" : capitalized(speaker.get().label()))
                + (speakerTag.get().isEmpty() ? "" : " (" + speakerTag.get() + ")");
        String suffix = isFailed() ? " (transcription failed)"
                : isInterrupted() && !reply.get().unheard().isBlank() ? " (interrupted; not heard: " + reply.get().unheard().trim() + ")"
                : "";
        return "[" + timestamp + "] " + who + ": " + text.get() + suffix;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
