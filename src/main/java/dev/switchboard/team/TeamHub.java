package dev.switchboard.team;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRegistry;
import dev.switchboard.monitor.CallActions;
import dev.switchboard.monitor.CallMonitor;
import dev.switchboard.util.Threads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A hub ({@code --headless --hub URL}): owns the calls its listener receives, publishes them, renews their leases,
 * takes over the live calls of a hub whose leases expired, and applies steering commands for the calls it owns.
 *
 * <p>Ownership: a new call is claimed with {@code SET sb:lease:<id> <hub> NX PX lease}; a second delivery to
 * another hub finds the lease taken and is acknowledged and ignored. When Redis cannot be reached the call is
 * answered anyway (the caller must not wait on Redis) and claimed once Redis is back. A hub takes over nothing
 * until it has been connected for a whole lease: after a Redis restart, every owner gets the time to renew first.
 */
public final class TeamHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TeamHub.class);
    public static final long DEFAULT_LEASE_MS = 5_000;
    static final int BUFFER_CAPACITY = 100_000;
    static final long ENDED_STREAM_TTL_MS = TimeUnit.HOURS.toMillis(6);

    private final RedisBus bus;
    private final String hubId;
    private final long leaseMs;
    private final CallRegistry registry;
    private final CallMonitor monitor;
    private final Clock clock;
    private final OutBuffer out;
    private final Map<String, CallTap> taps = new ConcurrentHashMap<>();
    /** Calls this hub holds the lease of (whether or not Redis has heard yet). */
    private final Map<String, Boolean> owned = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Threads.daemon("switchboard-team-lease"));
    private final HubCommands commands;
    private volatile long connectedSince = -1;

    public TeamHub(RedisBus bus, String hubName, long leaseMs, CallRegistry registry, CallMonitor monitor,
                   CallActions actions, Clock clock) {
        this.bus = bus;
        this.hubId = hubName + "#" + UUID.randomUUID().toString().substring(0, 8);
        this.leaseMs = leaseMs;
        this.registry = registry;
        this.monitor = monitor;
        this.clock = clock;
        this.out = new OutBuffer(bus, BUFFER_CAPACITY, reachable -> { });
        this.commands = new HubCommands(bus, this, actions);
    }

    public String hubId() {
        return hubId;
    }

    public TeamHub start() {
        monitor.setOwnership(this::claimIncoming);
        registry.onAdded(this::follow);
        registry.onRemoved(call -> {
            CallTap tap = taps.remove(call.id());
            if (tap != null) {
                tap.stop();
            }
        });
        long period = Math.max(50, Math.min(250, leaseMs / 8));
        timer.scheduleWithFixedDelay(this::renewLeases, period, Math.max(100, leaseMs / 3), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::scanForOrphans, period, period, TimeUnit.MILLISECONDS);
        commands.start();
        log.info("team hub {} on {} (lease {} ms)", hubId, bus.url(), leaseMs);
        return this;
    }

    /** Whether this hub owns a call (holds its lease). */
    boolean owns(String callId) {
        return owned.containsKey(callId);
    }

    Optional<Call> call(String callId) {
        return registry.find(callId);
    }

    OutBuffer out() {
        return out;
    }

    /** The webhook of a new call: ours unless another hub holds its lease. */
    private boolean claimIncoming(String callId) {
        if (!TeamKeys.validCallId(callId)) {
            return true; // never a key; such a call is answered locally and not published
        }
        try {
            if (bus.claim(TeamKeys.lease(callId), hubId, leaseMs) || hubId.equals(bus.get(TeamKeys.lease(callId)))) {
                owned.put(callId, Boolean.TRUE);
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            log.warn("team hub unreachable while claiming {} ({}); answering it here", callId, e.toString());
            owned.put(callId, Boolean.TRUE);
            return true;
        }
    }

    private void follow(Call call) {
        if (!owned.containsKey(call.id()) || taps.containsKey(call.id())) {
            return; // adopted calls have their tap already
        }
        taps.put(call.id(), CallTap.fresh(call, hubId, out, () -> ended(call.id())));
        announce(call.id());
    }

    private void announce(String callId) {
        out.add(new OutBuffer.Item(OutBuffer.Op.HASH_PUT, TeamKeys.LIVE, callId, hubId, 0));
        ObjectNode index = StreamCodec.entry("call");
        index.put("id", callId);
        index.put("hub", hubId);
        out.add(OutBuffer.Item.append(TeamKeys.INDEX, index.toString(), 10_000));
    }

    private void ended(String callId) {
        owned.remove(callId);
        out.add(new OutBuffer.Item(OutBuffer.Op.HASH_REMOVE, TeamKeys.LIVE, callId, null, 0));
        timer.execute(() -> { // off the call's thread: it may be the socket's
            try {
                bus.release(TeamKeys.lease(callId), hubId);
                bus.expire(TeamKeys.stream(callId), ENDED_STREAM_TTL_MS);
            } catch (RuntimeException e) {
                log.debug("lease of {} not released now ({}); it expires on its own", callId, e.toString());
            }
        });
    }

    private void renewLeases() {
        for (String callId : List.copyOf(owned.keySet())) {
            try {
                if (!bus.renew(TeamKeys.lease(callId), hubId, leaseMs)) {
                    log.warn("call {} is owned by another hub now; this hub stops publishing it", callId);
                    owned.remove(callId);
                    CallTap tap = taps.remove(callId);
                    if (tap != null) {
                        tap.stop();
                    }
                }
            } catch (RuntimeException e) {
                return; // Redis is away: we keep our calls, and renew as soon as it is back
            }
        }
    }

    /** Takes over live calls whose owner let the lease lapse (it died). */
    private void scanForOrphans() {
        Map<String, String> live;
        try {
            live = bus.hashAll(TeamKeys.LIVE);
        } catch (RuntimeException e) {
            connectedSince = -1;
            return;
        }
        long now = System.currentTimeMillis();
        if (connectedSince < 0) {
            connectedSince = now;
        }
        if (now - connectedSince < leaseMs) {
            return; // just (re)connected: owners renew first
        }
        for (Map.Entry<String, String> e : live.entrySet()) {
            String callId = e.getKey();
            if (owned.containsKey(callId) || hubId.equals(e.getValue()) || !TeamKeys.validCallId(callId)) {
                continue;
            }
            try {
                if (bus.get(TeamKeys.lease(callId)) == null && bus.claim(TeamKeys.lease(callId), hubId, leaseMs)) {
                    takeOver(callId, e.getValue());
                }
            } catch (RuntimeException failure) {
                log.warn("could not take over {}: {}", callId, failure.toString());
                owned.remove(callId);
            }
        }
    }

    /**
     * Takes over a call whose owner died: a live one gets its sideband reattached; one that still rang (or was being
     * accepted) is answered here, never accepted twice ({@link CallMonitor#adoptRinging}).
     */
    private void takeOver(String callId, String previousOwner) {
        owned.put(callId, Boolean.TRUE);
        CallReplica replica = replay(callId);
        if (replica == null || replica.call().state().isTerminal()) {
            log.info("call {} of {} is over already; removed from the live calls", callId, previousOwner);
            owned.remove(callId);
            bus.hashRemove(TeamKeys.LIVE, callId);
            bus.release(TeamKeys.lease(callId), hubId);
            return;
        }
        Call call = replica.call();
        boolean ringing = !call.state().isLive();
        taps.put(callId, CallTap.resumed(call, out, () -> ended(callId)));
        bus.hashPut(TeamKeys.LIVE, callId, hubId);
        call.note("hub " + hubId + " took over from " + previousOwner + (ringing ? " while the call was "
                + call.state().label().toLowerCase() : "") + "; events in between may be missing");
        if (!(ringing ? monitor.adoptRinging(call, replica.rangAt()) : monitor.adopt(call))) {
            log.warn("call {} could not be adopted (already here?)", callId);
            return;
        }
        log.info("took over call {} from {}: {}", callId, previousOwner, ringing ? "answering it here" : "sideband reattached");
    }

    /** The call as its stream has it. */
    private CallReplica replay(String callId) {
        String stream = TeamKeys.stream(callId);
        CallReplica replica = null;
        StreamEntryID after = null;
        while (true) {
            List<StreamEntry> page = bus.range(stream, after, 1000);
            for (StreamEntry entry : page) {
                after = entry.getID();
                Optional<ObjectNode> node = StreamCodec.parse(entry.getFields().get(TeamKeys.FIELD));
                if (node.isEmpty()) {
                    continue;
                }
                if (replica == null) {
                    replica = CallReplica.start(callId, node.get(), clock, null).orElse(null);
                }
                if (replica != null) {
                    replica.apply(node.get());
                }
            }
            if (page.size() < 1000) {
                return replica;
            }
        }
    }

    /** Waits until what was published so far is in Redis. For tests. */
    public boolean awaitPublished(long millis) throws InterruptedException {
        return out.awaitDrained(millis);
    }

    List<String> ownedCalls() {
        return new ArrayList<>(owned.keySet());
    }

    @Override
    public void close() {
        commands.close();
        timer.shutdownNow();
        taps.values().forEach(CallTap::stop);
        try {
            out.awaitDrained(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
        bus.close();
    }
}
