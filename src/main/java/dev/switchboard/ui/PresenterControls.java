package dev.switchboard.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The window's pieces of presenter mode: its stylesheet, the menu item, the toolbar toggle, the status badge. */
public final class PresenterControls {

    public static final String STYLESHEET = Stylesheets.PRESENTER;
    public static final KeyCombination SHORTCUT =
            new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** Ids of the inspector tabs presenter mode hides (they show raw events, SIP headers and token costs). */
    public static final Set<String> HIDDEN_TABS = Set.of("eventsTab", "usageTab", "sipHeadersTab");

    private PresenterControls() {
    }

    /** Adds the stylesheet to {@code scene} and keeps the root's style class in step with the mode. */
    public static void install(Scene scene, PresenterMode mode) {
        scene.getStylesheets().add(STYLESHEET);
        follow(scene.getRoot(), mode);
    }

    /** A dialog shown from the window: the window's stylesheets, and large text while presenter mode is on. */
    public static void style(DialogPane pane, Scene owner, PresenterMode mode) {
        if (owner != null) {
            pane.getStylesheets().addAll(owner.getStylesheets());
        }
        follow(pane, mode);
    }

    private static void follow(Parent node, PresenterMode mode) {
        Runnable apply = () -> {
            node.getStyleClass().remove(PresenterMode.STYLE_CLASS);
            if (mode.isActive()) {
                node.getStyleClass().add(PresenterMode.STYLE_CLASS);
            }
        };
        mode.activeProperty().addListener(o -> apply.run());
        apply.run();
    }

    /** View → Presenter mode (Ctrl+Shift+P). */
    public static CheckMenuItem menuItem(PresenterMode mode) {
        CheckMenuItem item = new CheckMenuItem("Presenter mode", Widgets.icon("fth-monitor"));
        item.setId("presenterMenuItem");
        item.setAccelerator(SHORTCUT);
        item.selectedProperty().bindBidirectional(mode.activeProperty());
        return item;
    }

    /** The top bar's toggle. */
    public static ToggleButton toolbarToggle(PresenterMode mode) {
        ToggleButton toggle = new ToggleButton(null, Widgets.icon("fth-monitor"));
        toggle.setId("presenterToggle");
        toggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        toggle.selectedProperty().bindBidirectional(mode.activeProperty());
        toggle.setTooltip(new Tooltip("Presenter mode: large text, phone numbers masked, no keys or secrets, "
                + "no event inspector (Ctrl+Shift+P)"));
        return toggle;
    }

    /** "PRESENTER" in the status bar while the mode is on. */
    public static Label statusBadge(PresenterMode mode) {
        Label badge = Widgets.label("PRESENTER", "badge", "badge-presenter");
        badge.setId("presenterBadge");
        badge.setGraphic(Widgets.icon("fth-monitor"));
        badge.setMinWidth(Label.USE_PREF_SIZE);
        badge.setTooltip(new Tooltip("Presenter mode is on: Ctrl+Shift+P turns it off."));
        badge.visibleProperty().bind(mode.activeProperty());
        badge.managedProperty().bind(mode.activeProperty());
        return badge;
    }

    /** Hides {@code nodes} (e.g. the API key in the status bar) while presenter mode is on. */
    public static void hideWhilePresenting(PresenterMode mode, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(mode.activeProperty().not());
            node.managedProperty().bind(mode.activeProperty().not());
        }
    }

    /** Shows {@code nodes} (e.g. the presenter layout's live badges) only while presenter mode is on. */
    public static void showWhilePresenting(PresenterMode mode, Node... nodes) {
        for (Node node : nodes) {
            node.visibleProperty().bind(mode.activeProperty());
            node.managedProperty().bind(mode.activeProperty());
        }
    }

    /**
     * Takes the tabs whose ids are in {@link #HIDDEN_TABS} out of {@code tabs} while presenter mode is on and puts
     * them back in their places after. Call once all tabs are added.
     */
    public static void hideInspectorTabs(TabPane tabs, PresenterMode mode) {
        List<Tab> all = List.copyOf(tabs.getTabs());
        Runnable apply = () -> {
            Tab selected = tabs.getSelectionModel().getSelectedItem();
            List<Tab> shown = mode.isActive() ? all.stream().filter(t -> t.getId() == null || !HIDDEN_TABS.contains(t.getId())).toList() : all;
            if (!shown.equals(tabs.getTabs())) {
                tabs.getTabs().setAll(shown);
                tabs.getSelectionModel().select(shown.contains(selected) ? selected : shown.get(0));
            }
        };
        mode.activeProperty().addListener(o -> apply.run());
        apply.run();
    }
}
