package dev.switchboard.config;

import java.util.Optional;

/** Where a window stood last time (for the audience window: on which screen, and whether full screen). */
public interface ScreenPlacement {

    /** The window's bounds in screen coordinates, and whether it was full screen. */
    record Bounds(double x, double y, double width, double height, boolean fullScreen) {
        public Bounds {
            width = Math.max(1, width);
            height = Math.max(1, height);
        }

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    Optional<Bounds> load();

    /** Best effort: a placement that cannot be saved is only forgotten. */
    void save(Bounds bounds);

    /** Remembers for this run only (tests, or no data directory). */
    static ScreenPlacement inMemory() {
        return new ScreenPlacement() {
            private Bounds saved;

            @Override
            public synchronized Optional<Bounds> load() {
                return Optional.ofNullable(saved);
            }

            @Override
            public synchronized void save(Bounds bounds) {
                saved = bounds;
            }
        };
    }
}
