package dev.switchboard.ui;

import javafx.application.Platform;

/**
 * The one seam through which work hops onto the FX thread. Call listeners, action results and backend
 * status changes all come through here, so tests can swap in a dispatcher that runs at once or queues.
 */
@FunctionalInterface
public interface UiDispatcher {

    void run(Runnable task);

    /** For the app: runs the task on the JavaFX application thread. */
    static UiDispatcher fx() {
        return Platform::runLater;
    }

    /** For tests of view models: runs the task on the calling thread. */
    static UiDispatcher immediate() {
        return Runnable::run;
    }
}
