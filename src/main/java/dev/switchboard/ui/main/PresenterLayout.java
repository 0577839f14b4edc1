package dev.switchboard.ui.main;

import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.stage.CallStrip;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The window's centre in either arrangement. Normal: call list and workspace side by side. Presenter: the call list
 * collapses to a strip of avatars and timers, and the workspace (the conversation) takes the rest of the width;
 * hovering the strip, or Ctrl+L, slides the full list in over the workspace's edge until the pointer leaves it.
 */
final class PresenterLayout extends StackPane {

    static final KeyCombination SHOW_CALL_LIST = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final double DRAWER_WIDTH = 380;

    private final Region callList;
    private final Node workspace;
    private SplitPane split = new SplitPane();
    private final BorderPane stage = new BorderPane();
    private final StackPane drawer = new StackPane();

    PresenterLayout(Region callList, Node workspace, CallStrip strip, PresenterMode presenter) {
        this.callList = callList;
        this.workspace = workspace;
        setId("centerLayout");
        SplitPane.setResizableWithParent(callList, false);
        stage.setLeft(strip);
        drawer.setId("callListDrawer");
        drawer.getStyleClass().add("call-list-drawer");
        drawer.setMaxWidth(DRAWER_WIDTH);
        StackPane.setAlignment(drawer, Pos.CENTER_LEFT);
        showDrawer(false);
        strip.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showDrawer(true));
        drawer.addEventHandler(MouseEvent.MOUSE_EXITED, e -> showDrawer(false));
        // picking a call in the drawer closes it again: the conversation is what the audience watches
        drawer.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> showDrawer(false));
        presenter.activeProperty().addListener((obs, was, on) -> arrange(on));
        arrange(presenter.isActive());
    }

    /** Ctrl+L in the presenter layout: the full call list in or out. */
    void toggleDrawer() {
        if (getChildren().contains(stage)) {
            showDrawer(!drawer.isVisible());
            if (drawer.isVisible()) {
                callList.requestFocus();
            }
        }
    }

    boolean isDrawerOpen() {
        return drawer.isVisible();
    }

    private void showDrawer(boolean open) {
        drawer.setVisible(open);
        drawer.setMouseTransparent(!open);
    }

    private void arrange(boolean presenting) {
        showDrawer(false);
        if (presenting) {
            split.getItems().clear();
            stage.setCenter(workspace);
            drawer.getChildren().setAll(callList);
            getChildren().setAll(stage, drawer);
        } else {
            stage.setCenter(null);
            drawer.getChildren().clear();
            // a fresh split each time: one reused after its items left keeps the widths of its last layout
            split = new SplitPane(callList, workspace);
            split.setDividerPositions(0.25);
            getChildren().setAll(split);
        }
    }
}
