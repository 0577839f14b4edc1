package dev.switchboard.ui.main;

import dev.switchboard.util.Threads;
import java.awt.GraphicsEnvironment;
import java.awt.Toolkit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ring: the system beep, on a short-lived daemon thread (AWT is never touched from the FX thread). */
final class RingSound {

    private static final Logger log = LoggerFactory.getLogger(RingSound.class);
    private static final AtomicBoolean unavailable = new AtomicBoolean();

    private RingSound() {
    }

    /** The system beep; silent when headless or when the platform has no beep. */
    static Runnable system() {
        return () -> {
            if (unavailable.get() || GraphicsEnvironment.isHeadless()) {
                return;
            }
            Threads.startDaemon("switchboard-ring", () -> {
                try {
                    Toolkit.getDefaultToolkit().beep();
                } catch (Throwable e) { // AWTError, HeadlessException, UnsatisfiedLinkError: no sound then
                    unavailable.set(true);
                    log.info("no system beep available ({}); rings are silent", e.toString());
                }
            });
        };
    }
}
