package dev.switchboard.ui;

import java.util.List;

/** Where the app's stylesheets live (beside this class), so every window and dialog adds the same ones. */
public final class Stylesheets {

    /** The window's own look on top of the AtlantaFX theme. */
    public static final String MAIN = url("switchboard.css");
    /** History, profiles, replay and the other side windows. */
    public static final String WINDOWS = url("windows.css");
    /** Larger text and the presenter badge while presenter mode is on. */
    public static final String PRESENTER = url("presenter.css");
    /** Every window gets these. */
    public static final List<String> ALL = List.of(MAIN, WINDOWS);

    private Stylesheets() {
    }

    /** Adds what is missing of {@link #ALL} to a scene's or dialog's list. */
    public static void addTo(List<String> sheets) {
        for (String sheet : ALL) {
            if (!sheets.contains(sheet)) {
                sheets.add(sheet);
            }
        }
    }

    private static String url(String name) {
        return Stylesheets.class.getResource(name).toExternalForm();
    }
}
