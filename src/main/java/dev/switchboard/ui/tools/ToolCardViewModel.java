package dev.switchboard.ui.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.call.Call;
import dev.switchboard.call.ToolCall;
import dev.switchboard.ui.CallCommands;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One tool activity of the shown call as a card: a function call (arguments streaming, then parsed, an output
 * editor and Send / Send as error), an MCP approval request (Approve / Deny), an MCP call or tools listing (read
 * only). The caller waits in silence while a function call is unanswered: {@link #waitingProperty()} counts it
 * and {@link #warningProperty()} turns on after {@link ToolCall#WAIT_WARNING}. FX thread only.
 */
public final class ToolCardViewModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Call call;
    private final CallCommands commands;
    private final String id;
    private final ToolCall.Kind kind;
    private ToolCall snapshot;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty arguments = new SimpleStringProperty(this, "arguments", "");
    private final StringProperty output = new SimpleStringProperty(this, "output", "");
    private final StringProperty result = new SimpleStringProperty(this, "result", "");
    private final StringProperty details = new SimpleStringProperty(this, "details", "");
    private final StringProperty waiting = new SimpleStringProperty(this, "waiting", "");
    private final BooleanProperty warning = new SimpleBooleanProperty(this, "warning");
    private final BooleanProperty answerable = new SimpleBooleanProperty(this, "answerable");
    private final BooleanProperty sending = new SimpleBooleanProperty(this, "sending");
    private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");

    ToolCardViewModel(Call call, CallCommands commands, ToolCall first, String prefill, Instant at) {
        this.call = call;
        this.commands = commands;
        this.id = first.id();
        this.kind = first.kind();
        output.set(prefill == null ? "" : prefill);
        update(first, at);
    }

    /** Takes the call's newest snapshot of this activity. */
    void update(ToolCall now, Instant at) {
        snapshot = now;
        title.set(switch (kind) {
            case FUNCTION -> now.name();
            case MCP_APPROVAL -> "Approve " + now.serverLabel() + "." + now.name() + "?";
            case MCP_CALL -> now.serverLabel() + "." + now.name();
            case MCP_LIST_TOOLS -> now.serverLabel() + ": tools offered";
        });
        status.set(now.status().label() + (now.detail().isEmpty() || now.status() == ToolCall.Status.FAILED
                ? "" : " · " + now.detail()));
        arguments.set(kind == ToolCall.Kind.MCP_LIST_TOOLS ? "" : now.status() == ToolCall.Status.STREAMING
                ? now.arguments() : pretty(now.arguments()));
        failed.set(now.status() == ToolCall.Status.FAILED);
        details.set(switch (kind) {
            case MCP_LIST_TOOLS -> failed.get() ? "Listing failed: " + now.detail()
                    : now.listed().isEmpty() ? "listing…" : String.join(", ", now.listed());
            case MCP_CALL -> (failed.get() ? "Failed: " + now.detail() : now.output())
                    + (now.doneAt() == null ? "" : "  ·  took " + seconds(now.duration(at)));
            case FUNCTION -> now.awaitsAnswer() || now.status() == ToolCall.Status.STREAMING ? "" : "Sent: " + now.output();
            case MCP_APPROVAL -> "";
        });
        answerable.set(now.awaitsAnswer());
        tick(at);
    }

    /** Advances the waiting timer. */
    void tick(Instant now) {
        ToolCall c = snapshot;
        boolean counts = c.kind() == ToolCall.Kind.FUNCTION || c.kind() == ToolCall.Kind.MCP_APPROVAL;
        Duration waited = c.waited(now);
        if (!counts || c.waitingSince() == null) {
            waiting.set("");
            warning.set(false);
            return;
        }
        waiting.set(c.awaitsAnswer() ? "Caller waiting in silence: " + seconds(waited)
                : "Caller waited " + seconds(waited));
        warning.set(c.awaitsAnswer() && waited.compareTo(ToolCall.WAIT_WARNING) >= 0);
    }

    /** Sends the output editor's text as the function's output. */
    public void send() {
        act(commands.answerTool(call, id, output.get()), "Sent.");
    }

    /** Sends the output editor's text as an error ({@code {"error": …}}). */
    public void sendAsError() {
        act(commands.answerToolWithError(call, id, output.get()), "Sent as an error.");
    }

    public void approve() {
        act(commands.decideApproval(call, id, true), "Approved.");
    }

    public void deny() {
        act(commands.decideApproval(call, id, false), "Denied.");
    }

    private void act(java.util.concurrent.CompletableFuture<String> outcome, String success) {
        sending.set(true);
        result.set("Sending…");
        outcome.thenAccept(problem -> {
            sending.set(false);
            result.set(problem.isEmpty() ? success : problem);
        });
    }

    static String seconds(Duration d) {
        long tenths = d.toMillis() / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    /** Parsed arguments, indented; the raw text when they are not JSON. */
    static String pretty(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(raw));
        } catch (java.io.IOException | RuntimeException notJson) {
            return raw;
        }
    }

    public String id() {
        return id;
    }

    public ToolCall.Kind kind() {
        return kind;
    }

    public ToolCall snapshot() {
        return snapshot;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Streaming raw while {@code .delta}s arrive; parsed and indented once {@code .done}. */
    public ReadOnlyStringProperty argumentsProperty() {
        return arguments;
    }

    /** The output editor, prefilled with the profile's canned reply for this tool. */
    public StringProperty outputProperty() {
        return output;
    }

    /** The outcome of the person's last action: "Sent.", or why it was refused. */
    public ReadOnlyStringProperty resultProperty() {
        return result;
    }

    /** What was sent, the listed tools, an MCP call's output and duration, or a failure. */
    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyBooleanProperty warningProperty() {
        return warning;
    }

    /** Waiting for an answer (Send / Approve enabled). */
    public ReadOnlyBooleanProperty answerableProperty() {
        return answerable;
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending;
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed;
    }
}
