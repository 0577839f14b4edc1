package dev.switchboard.util;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one way Switchboard names and creates its background threads: daemon, numbered, never blocking exit. */
public final class Threads {
    private Threads() {
    }

    /** A factory of daemon threads named {@code name-1}, {@code name-2}, … */
    public static ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts {@code task} on a new daemon thread with exactly this name. */
    public static Thread startDaemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
