package dev.switchboard.ui.history;

import atlantafx.base.theme.Styles;
import dev.switchboard.monitor.Backend;
import dev.switchboard.ui.UiDispatcher;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.main.SwitchboardViewModel;
import dev.switchboard.ui.profiles.ProfilesWindow;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import javafx.stage.Window;

/**
 * Puts history, profiles and replay into the main window without reshaping it: a "History" menu (Call history
 * Ctrl+H, Profiles Ctrl+P, Open recording… Ctrl+O), two toolbar buttons before the theme toggle, and this
 * package's stylesheet. Called once by {@code MainView}.
 */
public final class HistoryMenus {

    private HistoryMenus() {
    }

    public static void install(Parent mainView, SwitchboardViewModel model) {
        Backend backend = model.backend();
        UiDispatcher dispatcher = UiDispatcher.fx();
        boolean available = backend.historyStore().isPresent();
        Runnable history = () -> HistoryWindow.open(window(mainView), backend, dispatcher, model.presenter());
        Runnable profiles = () -> ProfilesWindow.open(window(mainView), backend.historyStore().orElseThrow(), dispatcher,
                () -> model.profilePicker().reload());
        Runnable recording = () -> HistoryWindow.openRecording(window(mainView), dispatcher);

        MenuItem historyItem = item("Call history…", "fth-clock", KeyCode.H, available, history);
        historyItem.setId("historyMenuItem");
        MenuItem profilesItem = item("Profiles and routing…", "fth-users", KeyCode.P, available, profiles);
        profilesItem.setId("profilesMenuItem");
        MenuItem recordingItem = item("Open recording…", "fth-folder", KeyCode.O, true, recording);
        recordingItem.setId("openRecordingMenuItem");
        Menu menu = new Menu("H_istory", null, historyItem, profilesItem, new SeparatorMenuItem(), recordingItem);
        menu.setId("historyMenu");

        Node bar = mainView.lookup(".menu-bar");
        if (bar instanceof MenuBar menuBar) {
            int calls = indexOf(menuBar, "_Calls");
            menuBar.getMenus().add(calls < 0 ? menuBar.getMenus().size() : calls + 1, menu);
        }

        Node theme = mainView.lookup("#themeToggle");
        if (available && theme != null && theme.getParent() instanceof Pane appBar) {
            Button historyButton = Widgets.button(null, "fth-clock", Styles.BUTTON_ICON, Styles.FLAT);
            historyButton.setId("historyButton");
            historyButton.setTooltip(new Tooltip("Call history (Ctrl+H)"));
            historyButton.setOnAction(e -> history.run());
            Button profilesButton = Widgets.button(null, "fth-users", Styles.BUTTON_ICON, Styles.FLAT);
            profilesButton.setId("profilesButton");
            profilesButton.setTooltip(new Tooltip("Agent profiles and routing rules (Ctrl+P)"));
            profilesButton.setOnAction(e -> profiles.run());
            appBar.getChildren().addAll(appBar.getChildren().indexOf(theme), java.util.List.of(historyButton, profilesButton));
        }

        mainView.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                for (String sheet : Windows.STYLESHEETS) {
                    if (!scene.getStylesheets().contains(sheet)) {
                        scene.getStylesheets().add(sheet);
                    }
                }
            }
        });
    }

    private static MenuItem item(String text, String icon, KeyCode key, boolean enabled, Runnable action) {
        MenuItem item = new MenuItem(text, Widgets.icon(icon));
        item.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN));
        item.setDisable(!enabled);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static int indexOf(MenuBar bar, String text) {
        for (int i = 0; i < bar.getMenus().size(); i++) {
            if (text.equals(bar.getMenus().get(i).getText())) {
                return i;
            }
        }
        return -1;
    }

    private static Window window(Parent view) {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
