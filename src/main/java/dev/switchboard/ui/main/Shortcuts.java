package dev.switchboard.ui.main;

import java.util.List;

/** Every keyboard shortcut of the window, for the Help dialog (and the hints that mention them). */
public final class Shortcuts {

    public record Shortcut(String keys, String action) {
    }

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("↑ / ↓", "Move through the call list"),
            new Shortcut("Enter", "Open the selected call's panel (instructions or steering)"),
            new Shortcut("A", "Accept the selected ringing call with the Answer panel's settings"),
            new Shortcut("R", "Reject the selected ringing call with the chosen SIP status"),
            new Shortcut("H", "Hang up the selected live call"),
            new Shortcut("Ctrl+D", "Ring a demo call (demo mode)"),
            new Shortcut("Ctrl+H", "Call history (search, export, replay)"),
            new Shortcut("Ctrl+P", "Agent profiles and routing rules"),
            new Shortcut("Ctrl+O", "Open a recording (exported JSON) for replay"),
            new Shortcut("Ctrl+W / Esc", "Close a history, profiles or replay window"),
            new Shortcut("Ctrl+,", "Settings"),
            new Shortcut("Ctrl+Shift+D", "Dark / light theme"),
            new Shortcut("Ctrl+Shift+P", "Presenter mode: large text, numbers masked, no secrets or event inspector"),
            new Shortcut("Ctrl+L", "Presenter layout: slide the full call list in or out"),
            new Shortcut("Ctrl+J", "Presenter layout: slide the call controls in or out"),
            new Shortcut("F11", "Audience window: full screen on or off"),
            new Shortcut("F1", "This list"),
            new Shortcut("Ctrl+Q", "Quit"));

    /** A, R and H work anywhere in the window except while typing in a text field. */
    public static final String NOTE = "A, R and H act on the selected call from anywhere in the window, "
            + "except while the cursor is in a text field (there they type). On macOS, Ctrl is ⌘.";

    private Shortcuts() {
    }
}
