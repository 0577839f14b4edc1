package dev.switchboard.ui.main;

import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.util.Threads;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A desktop notification for each new alert while the window is not focused (in the window, the row badge and the
 * transcript line say it). The system tray is touched on a daemon thread only, never from the FX thread; where
 * there is no tray (headless, some Linux desktops) the notification is only logged.
 */
final class AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(AlertNotifier.class);
    private static TrayIcon tray;
    private static boolean trayUnavailable;

    private final Window window;
    private final Consumer<String> notify;
    private final Map<CallRowViewModel, ChangeListener<Number>> watching = new HashMap<>();

    AlertNotifier(Window window, ObservableList<CallRowViewModel> rows) {
        this(window, rows, AlertNotifier::desktop);
    }

    AlertNotifier(Window window, ObservableList<CallRowViewModel> rows, Consumer<String> notify) {
        this.window = window;
        this.notify = notify;
        rows.forEach(this::watch);
        rows.addListener((ListChangeListener<CallRowViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::unwatch);
                c.getAddedSubList().forEach(this::watch);
            }
        });
    }

    private void watch(CallRowViewModel row) {
        ChangeListener<Number> listener = (obs, before, now) -> {
            if (now.intValue() > before.intValue() && !window.isFocused()) {
                notify.accept(row.displayName() + ": " + row.lastAlertProperty().get());
            }
        };
        watching.put(row, listener);
        row.alertsProperty().addListener(listener);
    }

    private void unwatch(CallRowViewModel row) {
        ChangeListener<Number> listener = watching.remove(row);
        if (listener != null) {
            row.alertsProperty().removeListener(listener);
        }
    }

    private static void desktop(String text) {
        log.info("alert: {}", text);
        if (GraphicsEnvironment.isHeadless()) {
            return;
        }
        Threads.startDaemon("switchboard-notify", () -> {
            synchronized (AlertNotifier.class) {
                try {
                    if (tray == null && !trayUnavailable) {
                        if (!SystemTray.isSupported()) {
                            trayUnavailable = true;
                            return;
                        }
                        tray = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "Switchboard");
                        tray.setImageAutoSize(true);
                        SystemTray.getSystemTray().add(tray);
                    }
                    if (tray != null) {
                        tray.displayMessage("Switchboard alert", text, TrayIcon.MessageType.WARNING);
                    }
                } catch (Throwable e) { // AWTException, HeadlessException, UnsatisfiedLinkError: log only then
                    trayUnavailable = true;
                    log.info("no desktop notifications here ({})", e.toString());
                }
            }
        });
    }
}
