package dev.switchboard.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.AcceptSettings;
import dev.switchboard.call.Call;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.util.Threads;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The hub's side of steering: reads the command stream and applies each command for a call this hub owns: accept,
 * reject, hangup, refer, say, instructions, and a tool card's answers ({@code tool}, {@code tool_error},
 * {@code approval}).
 * Only the holder of the call's driver lease may steer (any desk may when nobody holds it); "take" and "release"
 * move the lease. The result goes back to the sender's reply list and, as the call's action result and a note,
 * into the call's stream for everyone.
 */
final class HubCommands implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubCommands.class);
    /** A driver's seat lapses when its desk stops renewing it (the desk renews while it runs). */
    static final long DRIVER_LEASE_MS = 30_000;
    static final long REPLY_TTL_MS = 30_000;

    private final RedisBus bus;
    private final TeamHub hub;
    private final CallActions actions;
    private volatile boolean closed;
    private Thread reader;

    HubCommands(RedisBus bus, TeamHub hub, CallActions actions) {
        this.bus = bus;
        this.hub = hub;
        this.actions = actions;
    }

    void start() {
        reader = Threads.startDaemon("switchboard-team-commands", this::readLoop);
    }

    private void readLoop() {
        StreamEntryID after = null;
        while (!closed) {
            try {
                if (after == null) {
                    after = bus.lastId(TeamKeys.COMMANDS); // commands sent before this hub started are not ours
                }
                for (Map.Entry<String, List<StreamEntry>> stream : bus.read(Map.of(TeamKeys.COMMANDS, after), 1000, 100)) {
                    for (StreamEntry entry : stream.getValue()) {
                        after = entry.getID();
                        StreamCodec.parse(entry.getFields().get(TeamKeys.FIELD)).ifPresent(this::handleSafely);
                    }
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.debug("command stream unreachable: {}", e.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(500);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void handleSafely(ObjectNode command) {
        try {
            handle(command);
        } catch (RuntimeException e) {
            log.warn("a steering command could not be handled: {}", e.toString());
        }
    }

    private void handle(ObjectNode command) {
        String callId = StreamCodec.textOf(command, "call");
        String id = StreamCodec.textOf(command, "id");
        String from = StreamCodec.textOf(command, "from");
        String op = StreamCodec.textOf(command, "op");
        if (callId == null || id == null || from == null || op == null || !hub.owns(callId)
                || !id.matches("[A-Za-z0-9_\\-]{1,64}")) {
            return; // another hub's call, or not a command
        }
        Optional<Call> found = hub.call(callId);
        if (found.isEmpty()) {
            return;
        }
        Call call = found.get();
        if (call.state().isTerminal()) {
            reply(id, false, "call ended");
            return;
        }
        String driverKey = TeamKeys.driver(callId);
        String holder = bus.get(driverKey);
        boolean mayDrive = holder == null || holder.equals(from);
        switch (op) {
            case "take" -> {
                if (!mayDrive) {
                    reply(id, false, "driver lease held by " + holder);
                    return;
                }
                bus.put(driverKey, from, DRIVER_LEASE_MS);
                hub.out().add(TeamKeys.stream(callId), StreamCodec.driver(from));
                call.note(from + " took over steering");
                reply(id, true, "You are steering " + callId + ".");
            }
            case "release" -> {
                if (holder == null || !holder.equals(from)) {
                    reply(id, false, holder == null ? "nobody holds the driver lease" : "driver lease held by " + holder);
                    return;
                }
                bus.release(driverKey, from);
                hub.out().add(TeamKeys.stream(callId), StreamCodec.driver(null));
                call.note(from + " handed back steering");
                reply(id, true, "Steering handed back.");
            }
            default -> {
                if (!mayDrive) {
                    reply(id, false, "driver lease held by " + holder);
                    return;
                }
                CompletableFuture<Void> done = run(call, op, command);
                if (done == null) {
                    reply(id, false, "unknown command " + op);
                    return;
                }
                done.whenComplete((ok, failure) -> {
                    if (failure == null) {
                        reply(id, true, call.lastActionResult());
                    } else {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        reply(id, false, cause.getMessage() == null ? cause.toString() : cause.getMessage());
                    }
                });
            }
        }
    }

    private CompletableFuture<Void> run(Call call, String op, ObjectNode command) {
        String text = StreamCodec.textOf(command, "text");
        String tool = java.util.Objects.requireNonNullElse(StreamCodec.textOf(command, "tool"), "");
        return switch (op) {
            case "say" -> actions.say(call, text);
            case "instructions" -> actions.updateInstructions(call, text);
            case "hangup" -> actions.hangup(call);
            case "refer" -> actions.refer(call, text);
            case "reject" -> actions.reject(call, command.path("status").asInt(603));
            // a desk's tool card: the same path as the window's own cards (the hub's ToolDesk)
            case "tool" -> actions.answerTool(call, tool, text);
            case "tool_error" -> actions.answerToolWithError(call, tool, text);
            case "approval" -> actions.decideApproval(call, tool, command.path("approve").asBoolean(false));
            case "accept" -> {
                JsonNode settings = command.get("settings");
                AcceptSettings s = settings instanceof ObjectNode node ? StreamCodec.acceptSettings(node)
                        : call.settings().orElse(AcceptSettings.defaults());
                yield actions.accept(call, s);
            }
            default -> null;
        };
    }

    private void reply(String id, boolean ok, String text) {
        ObjectNode answer = StreamCodec.JSON.createObjectNode();
        answer.put("ok", ok);
        answer.put("text", text == null ? "" : text);
        try {
            bus.reply(TeamKeys.reply(id), answer.toString(), REPLY_TTL_MS);
        } catch (RuntimeException e) {
            log.warn("could not answer a steering command: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            reader.interrupt();
        }
    }
}
