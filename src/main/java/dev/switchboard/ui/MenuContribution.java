package dev.switchboard.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.MenuItem;

/**
 * What a feature adds to the main window: items for one of the shell's menus and buttons for its top bar. The
 * shell places them in the order it lists the features; features never reach into the window themselves.
 *
 * @param menu    the menu's text as the shell names it, e.g. {@link #HISTORY}
 * @param items   appended to that menu (separators included)
 * @param toolbar placed in the top bar, before the theme and settings buttons
 */
public record MenuContribution(String menu, List<MenuItem> items, List<Node> toolbar) {

    public static final String HISTORY = "H_istory";

    public MenuContribution {
        Objects.requireNonNull(menu, "menu");
        items = List.copyOf(items);
        toolbar = List.copyOf(toolbar);
    }
}
