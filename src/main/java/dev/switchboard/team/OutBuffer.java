package dev.switchboard.team;

import dev.switchboard.util.Threads;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Pipeline;

/**
 * What a hub has to publish, in order, on one writer thread. When Redis is unreachable the entries wait here
 * (bounded: past {@code capacity} the oldest are dropped and their stream gets a gap entry) and go out once it is
 * back, so answering calls never waits for Redis.
 */
final class OutBuffer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutBuffer.class);

    enum Op { APPEND, HASH_PUT, HASH_REMOVE }

    /** One write: a stream append ({@code maxLen} 0 means the bus's trim length), or a hash field set or removed. */
    record Item(Op op, String key, String field, String value, int maxLen) {
        static Item append(String stream, String json, int maxLen) {
            return new Item(Op.APPEND, stream, TeamKeys.FIELD, json, maxLen);
        }
    }

    private final RedisBus bus;
    private final int capacity;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private final Map<String, Integer> dropped = new HashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final Thread writer;
    private final Consumer<Boolean> reachability;
    private volatile boolean closed;

    OutBuffer(RedisBus bus, int capacity, Consumer<Boolean> reachability) {
        this.bus = bus;
        this.capacity = capacity;
        this.reachability = reachability;
        this.writer = Threads.startDaemon("switchboard-team-publish", this::drain);
    }

    void add(String stream, String json) {
        add(Item.append(stream, json, 0));
    }

    synchronized void add(Item item) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity) {
            Item oldest = queue.pollFirst();
            if (oldest.op() == Op.APPEND) {
                dropped.merge(oldest.key(), 1, Integer::sum);
            }
        }
        queue.addLast(item);
        notifyAll();
    }

    synchronized int pending() {
        return queue.size();
    }

    long published() {
        return published.get();
    }

    /** Waits until everything added so far is in Redis (for tests and a clean stop). */
    boolean awaitDrained(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (!queue.isEmpty() || inFlight) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(Math.min(left, 50));
            }
        }
        return true;
    }

    private boolean inFlight;

    private void drain() {
        long backoff = 100;
        while (!closed) {
            List<Item> batch;
            Map<String, Integer> gaps;
            synchronized (this) {
                while (queue.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                // a batch per round trip: under load the pipeline keeps the latency flat
                batch = new ArrayList<>(Math.min(queue.size(), 256));
                for (Item item : queue) {
                    if (batch.size() == 256) {
                        break;
                    }
                    batch.add(item);
                }
                gaps = dropped.isEmpty() ? Map.of() : new HashMap<>(dropped);
                inFlight = true;
            }
            try {
                write(batch, gaps);
                synchronized (this) {
                    for (int i = 0; i < batch.size(); i++) {
                        queue.pollFirst();
                    }
                    gaps.keySet().forEach(dropped::remove);
                    inFlight = false;
                    notifyAll();
                }
                published.addAndGet(batch.size());
                if (backoff > 100) {
                    log.info("team hub reachable again: published what waited");
                    reachability.accept(true);
                }
                backoff = 100;
            } catch (RuntimeException e) {
                synchronized (this) {
                    inFlight = false;
                    notifyAll();
                }
                if (backoff == 100) {
                    log.warn("team hub unreachable ({}); buffering up to {} entries", e.toString(), capacity);
                    reachability.accept(false);
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    return;
                }
                backoff = Math.min(backoff * 2, 1000);
            }
        }
    }

    private void write(List<Item> batch, Map<String, Integer> gaps) {
        try (Pipeline pipe = bus.pipeline()) {
            gaps.forEach((stream, count) -> pipe.xadd(stream, bus.addParams(0), Map.of(TeamKeys.FIELD,
                    StreamCodec.text("gap", count + " event(s) lost while the team hub was unreachable"))));
            for (Item item : batch) {
                switch (item.op()) {
                    case APPEND -> pipe.xadd(item.key(), bus.addParams(item.maxLen()), Map.of(item.field(), item.value()));
                    case HASH_PUT -> pipe.hset(item.key(), item.field(), item.value());
                    case HASH_REMOVE -> pipe.hdel(item.key(), item.field());
                }
            }
            pipe.sync();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        writer.interrupt();
    }
}
