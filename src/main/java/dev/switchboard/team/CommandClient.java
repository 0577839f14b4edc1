package dev.switchboard.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.util.Threads;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A desk's side of steering: puts a command on the command stream and waits (5 s) for the owning hub's answer.
 * Fails with a {@link TeamCommandException} whose message is one line: unknown call, call ended, driver lease held
 * by someone, no answer in 5 s, or the hub's own reason.
 */
public final class CommandClient {

    public static final double ANSWER_SECONDS = 5.0;

    private final RedisBus bus;
    private final String desk;
    private final TeamWatcher watcher;
    private final Set<String> seatsHeld = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newCachedThreadPool(Threads.daemon("switchboard-team-command"));

    CommandClient(RedisBus bus, String desk, TeamWatcher watcher) {
        this.bus = bus;
        this.desk = desk;
        this.watcher = watcher;
    }

    /** A client without a watcher (the headless {@code --say}). */
    public static CommandClient standalone(RedisBus bus, String desk) {
        return new CommandClient(bus, desk, null);
    }

    public CompletableFuture<String> say(String callId, String text) {
        return send(callId, "say", text);
    }

    /** Takes the call's driver seat (refused while another desk holds it). */
    public CompletableFuture<String> takeOver(String callId) {
        return send(callId, "take", null).thenApply(answer -> {
            seatsHeld.add(callId);
            return answer;
        });
    }

    public CompletableFuture<String> handBack(String callId) {
        return send(callId, "release", null).thenApply(answer -> {
            seatsHeld.remove(callId);
            return answer;
        });
    }

    /** Sends one command; {@code text} is the sentence, instructions or transfer target, as the command needs. */
    public CompletableFuture<String> send(String callId, String op, String text) {
        ObjectNode command = StreamCodec.entry("command");
        command.put("op", op);
        if (text != null) {
            command.put("text", text);
        }
        return send(callId, command);
    }

    CompletableFuture<String> send(String callId, ObjectNode command) {
        return CompletableFuture.supplyAsync(() -> {
            if (!TeamKeys.validCallId(callId)) {
                throw new TeamCommandException("unknown call " + callId);
            }
            String owner = bus.hashAll(TeamKeys.LIVE).get(callId);
            if (owner == null) {
                boolean known = bus.lastId(TeamKeys.stream(callId)).getTime() > 0;
                throw new TeamCommandException(known ? "call ended" : "unknown call " + callId);
            }
            String id = UUID.randomUUID().toString();
            command.put("id", id);
            command.put("call", callId);
            command.put("from", desk);
            bus.append(TeamKeys.COMMANDS, command.toString(), 10_000);
            String answer = bus.awaitReply(TeamKeys.reply(id), ANSWER_SECONDS);
            if (answer == null) {
                throw new TeamCommandException("no answer in 5 s");
            }
            Optional<ObjectNode> parsed = StreamCodec.parseObject(answer);
            if (parsed.isEmpty()) {
                throw new TeamCommandException("the hub's answer was unreadable");
            }
            String reply = parsed.get().path("text").asText("");
            if (!parsed.get().path("ok").asBoolean(false)) {
                throw new TeamCommandException(reply);
            }
            return reply;
        }, senders);
    }

    /** Keeps the driver seats this desk holds (the hub gave them a lease of their own). */
    void renewDriverSeats() {
        for (String callId : seatsHeld) {
            if (!bus.extend(TeamKeys.driver(callId), desk, HubCommands.DRIVER_LEASE_MS)) {
                seatsHeld.remove(callId);
            }
        }
    }

    boolean watching(String callId) {
        return watcher != null && watcher.knows(callId);
    }

    public void close() {
        senders.shutdownNow();
    }
}
