package dev.switchboard.ui;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Tasks run once per frame, at the start of the pulse (so what they change is laid out and painted in that same
 * frame), however often they are submitted. The frame timer runs only while there is work: it starts with one
 * runLater when work arrives and stops after a second without any.
 */
final class FrameTasks {

    /** About a second at 60 frames per second: streaming pauses between sentences do not restart the timer. */
    private static final int IDLE_FRAMES_BEFORE_STOP = 60;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean timerRunning = new AtomicBoolean();
    private int idleFrames;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            boolean ran = false;
            for (Runnable task; (task = tasks.poll()) != null; ) {
                task.run();
                ran = true;
            }
            if (ran) {
                idleFrames = 0;
            } else if (++idleFrames > IDLE_FRAMES_BEFORE_STOP) {
                stop();
                timerRunning.set(false);
                // a task that arrived after the last poll must not wait for the next submit
                if (!tasks.isEmpty() && timerRunning.compareAndSet(false, true)) {
                    idleFrames = 0;
                    start();
                }
            }
        }
    };

    /** Safe from any thread. */
    void submit(Runnable task) {
        tasks.add(task);
        if (timerRunning.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                idleFrames = 0;
                timer.start();
            });
        }
    }
}
