package dev.switchboard.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.monitor.ActionFailedException;
import dev.switchboard.monitor.AutoAnswer;
import dev.switchboard.monitor.Backend;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.monitor.ConnectionControl;
import dev.switchboard.monitor.ConnectionInfo;
import dev.switchboard.monitor.ConnectionSettings;
import dev.switchboard.monitor.DemoCalls;
import dev.switchboard.monitor.ListenerStatus;
import dev.switchboard.monitor.TeamHubSettings;
import dev.switchboard.monitor.TeamSeats;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The window's ports on a watcher: calls come from the bus, every action is a command to the owning hub. There is
 * no listener, no API key and no webhook secret here; settings are the hubs' business.
 */
public final class WatcherBackend implements CallActions, ListenerStatus, AutoAnswer, ConnectionControl, TeamSeats {

    private final TeamWatcher watcher;
    private final TeamHubSettings teamHub;

    private WatcherBackend(TeamWatcher watcher, TeamHubSettings teamHub) {
        this.watcher = watcher;
        this.teamHub = teamHub;
    }

    public static Backend of(TeamWatcher watcher) {
        return of(watcher, null);
    }

    /** @param teamHub Settings → Team hub (where a desk is cleared to go back to a single desk), or null */
    public static Backend of(TeamWatcher watcher, TeamHubSettings teamHub) {
        WatcherBackend ports = new WatcherBackend(watcher, teamHub);
        return new Backend(watcher.calls(), ports, ports, DemoCalls.NONE, ports, ports, Optional.empty(), Optional.empty(),
                Optional.of(ports), Optional.empty());
    }

    // ---- seats: who watches, who drives ----

    @Override
    public String desk() {
        return watcher.desk();
    }

    @Override
    public List<String> watchers(Call call) {
        return watcher.watchersSeen(call.id());
    }

    @Override
    public Optional<String> driver(Call call) {
        return watcher.driver(call.id());
    }

    @Override
    public CompletableFuture<String> takeOver(Call call) {
        return watcher.commands().takeOver(call.id());
    }

    @Override
    public CompletableFuture<String> handBack(Call call) {
        return watcher.commands().handBack(call.id());
    }

    @Override
    public void onSeatsChanged(Consumer<String> listener) {
        watcher.onSeatsChanged(listener);
    }

    private CompletableFuture<Void> command(Call call, String action, String op, String text) {
        return command(call, action, watcher.commands().send(call.id(), op, text));
    }

    private CompletableFuture<Void> command(Call call, String action, CompletableFuture<String> sent) {
        return sent.handle((answer, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
                call.reportAction(action + " failed: " + reason);
                throw new ActionFailedException(reason, !(cause instanceof TeamCommandException), cause);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> accept(Call call, AcceptSettings settings) {
        ObjectNode command = StreamCodec.entry("command");
        command.put("op", "accept");
        command.set("settings", StreamCodec.parse(StreamCodec.settings(settings)).orElseThrow());
        return command(call, "Accept", watcher.commands().send(call.id(), command));
    }

    @Override
    public CompletableFuture<Void> reject(Call call, int sipStatus) {
        ObjectNode command = StreamCodec.entry("command");
        command.put("op", "reject");
        command.put("status", sipStatus);
        return command(call, "Reject", watcher.commands().send(call.id(), command));
    }

    @Override
    public CompletableFuture<Void> hangup(Call call) {
        return command(call, "Hang up", "hangup", null);
    }

    @Override
    public CompletableFuture<Void> refer(Call call, String targetUri) {
        return command(call, "Transfer", "refer", targetUri);
    }

    @Override
    public CompletableFuture<Void> updateInstructions(Call call, String instructions) {
        return command(call, "Update instructions", "instructions", instructions);
    }

    @Override
    public CompletableFuture<Void> say(Call call, String sentence) {
        return command(call, "Say", "say", sentence);
    }

    @Override
    public CompletableFuture<Void> answerTool(Call call, String toolCallId, String output) {
        return command(call, "Answer", watcher.commands().send(call.id(), toolCommand("tool", toolCallId, output)));
    }

    @Override
    public CompletableFuture<Void> answerToolWithError(Call call, String toolCallId, String message) {
        return command(call, "Answer", watcher.commands().send(call.id(), toolCommand("tool_error", toolCallId, message)));
    }

    @Override
    public CompletableFuture<Void> decideApproval(Call call, String approvalRequestId, boolean approve) {
        ObjectNode command = toolCommand("approval", approvalRequestId, null);
        command.put("approve", approve);
        return command(call, approve ? "Approve" : "Deny", watcher.commands().send(call.id(), command));
    }

    private static ObjectNode toolCommand(String op, String toolCallId, String text) {
        ObjectNode command = StreamCodec.entry("command");
        command.put("op", op);
        command.put("tool", toolCallId == null ? "" : toolCallId);
        if (text != null) {
            command.put("text", text);
        }
        return command;
    }

    // ---- status: a watcher has no listener ----

    @Override
    public String listenerUrl() {
        return "team hub " + watcher.bus().url() + (watcher.connected() ? "" : " (reconnecting)");
    }

    @Override
    public long webhooksReceived() {
        return 0;
    }

    @Override
    public long webhooksRejected() {
        return 0;
    }

    @Override
    public void onStatusChanged(Runnable listener) {
        // nothing local changes
    }

    @Override
    public boolean isDemo() {
        return false;
    }

    @Override
    public String maskedApiKey() {
        return "(team watcher: the hubs hold the key)";
    }

    @Override
    public void setAutoAccept(boolean enabled, AcceptSettings settings) {
        // the hubs answer calls; a desk does not
    }

    @Override
    public boolean autoAccept() {
        return false;
    }

    @Override
    public ConnectionInfo connectionInfo() {
        return new ConnectionInfo("(held by the hubs)", "(held by the hubs)", 0, "", watcher.bus().url().toString(),
                Set.of(), "(team watcher: settings are the hubs')");
    }

    @Override
    public CompletableFuture<Void> applySettings(ConnectionSettings settings) {
        return CompletableFuture.failedFuture(new ActionFailedException(
                "This desk watches a team hub: connection settings belong to the hubs.", false, null));
    }

    @Override
    public Optional<TeamHubSettings> teamHub() {
        return Optional.ofNullable(teamHub);
    }

    @Override
    public CompletableFuture<String> testConnection(String apiKey, String baseUrl) {
        return CompletableFuture.completedFuture(watcher.connected() ? "Connected to the team hub " + watcher.bus().url()
                : "Not connected to the team hub " + watcher.bus().url() + " yet.");
    }
}
