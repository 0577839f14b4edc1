package dev.switchboard.ui;

import javafx.application.Platform;

/**
 * The one seam through which work hops onto the FX thread. Call listeners, action results and backend
 * status changes all come through here, so tests can swap in a dispatcher that runs at once or queues.
 */
@FunctionalInterface
public interface UiDispatcher {

    void run(Runnable task);

    /**
     * Runs the task on the FX thread at the start of the next frame, together with everything else submitted for
     * that frame: for refreshes that may be asked for hundreds of times a second (streamed tokens). Dispatchers
     * without frames just run it.
     */
    default void runOnNextFrame(Runnable task) {
        run(task);
    }

    /** For the app: runs tasks on the JavaFX application thread; frame tasks from one shared frame timer. */
    static UiDispatcher fx() {
        return FxDispatcher.INSTANCE;
    }

    /** For tests of view models: runs the task on the calling thread. */
    static UiDispatcher immediate() {
        return Runnable::run;
    }

    /** The app's dispatcher. */
    final class FxDispatcher implements UiDispatcher {

        static final FxDispatcher INSTANCE = new FxDispatcher();
        private final FrameTasks frameTasks = new FrameTasks();

        private FxDispatcher() {
        }

        @Override
        public void run(Runnable task) {
            Platform.runLater(task);
        }

        @Override
        public void runOnNextFrame(Runnable task) {
            frameTasks.submit(task);
        }
    }
}
