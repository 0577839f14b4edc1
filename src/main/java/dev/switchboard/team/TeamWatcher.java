package dev.switchboard.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.call.PriceTable;
import dev.switchboard.util.Threads;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A desk on the bus ({@code --attach URL}): finds every call in the index, replays each call's stream from its
 * start into a {@link CallReplica}, then follows all of them live with one blocking {@code XREAD}. When Redis goes
 * away it reconnects and resumes from the last id it saw. Presence: it tells the bus it watches each live call.
 * Nothing a stream holds can stop the loop: a bad entry is skipped.
 */
public final class TeamWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TeamWatcher.class);
    /** More calls than this from one index would be an attack, not a team. */
    static final int MAX_CALLS = 10_000;
    static final long PRESENCE_TTL_MS = 15_000;
    static final long PRESENCE_REFRESH_MS = 3_000;
    /** An ended call's stream is followed a little longer, for the transcript events still on their way. */
    static final long FOLLOW_AFTER_END_MS = 15_000;

    private final RedisBus bus;
    private final String desk;
    private final CallRegistry registry = new CallRegistry();
    private final Clock clock;
    private final PriceTable prices;
    private final Map<String, CallReplica> replicas = new ConcurrentHashMap<>();
    private final Map<String, Long> endedAt = new HashMap<>();
    /** Stream → last id seen; the loop's own (one thread). */
    private final Map<String, StreamEntryID> cursors = new HashMap<>();
    private final ScheduledExecutorService presence = Executors.newSingleThreadScheduledExecutor(
            Threads.daemon("switchboard-team-presence"));
    private final CommandClient commands;
    private final Map<String, List<String>> watchersSeen = new ConcurrentHashMap<>();
    private final List<Consumer<String>> seatListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile long entriesSkipped;
    private Thread loop;

    public TeamWatcher(RedisBus bus, String desk, Clock clock, PriceTable prices) {
        this.bus = bus;
        this.desk = desk;
        this.clock = clock;
        this.prices = prices;
        this.commands = new CommandClient(bus, desk, this);
    }

    public TeamWatcher start() {
        cursors.put(TeamKeys.INDEX, new StreamEntryID(0, 0));
        loop = Threads.startDaemon("switchboard-team-watch", this::run);
        presence.scheduleWithFixedDelay(this::refreshPresence, 0, PRESENCE_REFRESH_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Every call seen on the bus, live and ended. */
    public CallRegistry calls() {
        return registry;
    }

    public String desk() {
        return desk;
    }

    public RedisBus bus() {
        return bus;
    }

    public CommandClient commands() {
        return commands;
    }

    public boolean connected() {
        return connected;
    }

    /** Entries skipped as malformed so far. */
    public long entriesSkipped() {
        return entriesSkipped;
    }

    /** Who holds a call's driver lease, as its stream last said (null: nobody). */
    public Optional<String> driver(String callId) {
        CallReplica r = replicas.get(callId);
        return r == null ? Optional.empty() : Optional.ofNullable(r.driver());
    }

    /** The desks watching a call, as last read (every few seconds); empty before the first read. */
    public List<String> watchersSeen(String callId) {
        return watchersSeen.getOrDefault(callId, List.of());
    }

    /** Hears the call id whenever a call's watchers or driver change (any thread). */
    public void onSeatsChanged(Consumer<String> listener) {
        seatListeners.add(listener);
    }

    private void seatsChanged(String callId) {
        for (Consumer<String> listener : seatListeners) {
            try {
                listener.accept(callId);
            } catch (RuntimeException e) {
                log.warn("a seat listener failed: {}", e.toString());
            }
        }
    }

    /** The desks watching a call now. */
    public List<String> watchers(String callId) {
        if (!TeamKeys.validCallId(callId)) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        return bus.hashAll(TeamKeys.presence(callId)).entrySet().stream()
                .filter(e -> parseLong(e.getValue()) > now).map(Map.Entry::getKey).sorted().toList();
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            try {
                List<Map.Entry<String, List<StreamEntry>>> got = bus.read(new HashMap<>(cursors), 1000, 500);
                if (!connected) {
                    log.info("watching the team hub {}", bus.url());
                }
                connected = true;
                backoff = 100;
                for (Map.Entry<String, List<StreamEntry>> stream : got) {
                    for (StreamEntry entry : stream.getValue()) {
                        cursors.put(stream.getKey(), entry.getID());
                        handle(stream.getKey(), entry);
                    }
                }
                forgetFinishedStreams();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                if (connected) {
                    log.warn("team hub unreachable ({}); reconnecting, resuming from the last entry seen", e.toString());
                }
                connected = false;
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff);
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    private void handle(String stream, StreamEntry entry) {
        Optional<ObjectNode> node = StreamCodec.parse(entry.getFields() == null ? null : entry.getFields().get(TeamKeys.FIELD));
        if (node.isEmpty()) {
            entriesSkipped++;
            return;
        }
        if (stream.equals(TeamKeys.INDEX)) {
            String callId = StreamCodec.textOf(node.get(), "id");
            if (!TeamKeys.validCallId(callId) || cursors.size() >= MAX_CALLS) {
                entriesSkipped++;
                return;
            }
            if (!replicas.containsKey(callId)) {
                cursors.putIfAbsent(TeamKeys.stream(callId), new StreamEntryID(0, 0));
            }
            return;
        }
        String callId = stream.substring(TeamKeys.stream("").length());
        CallReplica replica = replicas.get(callId);
        if (replica == null) {
            Optional<CallReplica> started = CallReplica.start(callId, node.get(), clock, prices);
            if (started.isEmpty()) {
                entriesSkipped++;
                return;
            }
            replica = started.get();
            replicas.put(callId, replica);
            registry.add(replica.call());
        }
        String driverBefore = replica.driver();
        if (!replica.apply(node.get())) {
            entriesSkipped++;
        }
        if (!java.util.Objects.equals(driverBefore, replica.driver())) {
            seatsChanged(callId);
        }
        if (replica.call().state().isTerminal()) {
            endedAt.putIfAbsent(stream, System.currentTimeMillis());
        }
    }

    private void forgetFinishedStreams() {
        long now = System.currentTimeMillis();
        endedAt.entrySet().removeIf(e -> {
            if (now - e.getValue() > FOLLOW_AFTER_END_MS) {
                cursors.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    private void refreshPresence() {
        long until = System.currentTimeMillis() + PRESENCE_TTL_MS;
        try {
            for (CallReplica r : replicas.values()) {
                Call call = r.call();
                String key = TeamKeys.presence(call.id());
                if (call.state().isTerminal()) {
                    bus.hashRemove(key, desk, PRESENCE_TTL_MS);
                } else {
                    bus.hashPut(key, desk, Long.toString(until));
                    bus.expire(key, PRESENCE_TTL_MS);
                    List<String> now = watchers(call.id());
                    if (!now.equals(watchersSeen.put(call.id(), now))) {
                        seatsChanged(call.id());
                    }
                }
            }
            commands.renewDriverSeats();
        } catch (RuntimeException e) {
            log.debug("presence not refreshed: {}", e.toString());
        }
    }

    boolean knows(String callId) {
        return replicas.containsKey(callId);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        presence.shutdownNow();
        try {
            for (CallReplica r : replicas.values()) {
                bus.hashRemove(TeamKeys.presence(r.call().id()), desk);
            }
        } catch (RuntimeException e) {
            // presence lapses on its own
        }
        if (loop != null) {
            loop.interrupt();
        }
        commands.close();
        bus.close();
    }
}
