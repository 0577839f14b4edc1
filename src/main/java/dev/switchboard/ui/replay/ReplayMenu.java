package dev.switchboard.ui.replay;

import dev.switchboard.ui.MenuContribution;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.Widgets;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/** History → Open recording… (Ctrl+O): replays a call exported as JSON. */
public final class ReplayMenu {

    private ReplayMenu() {
    }

    public static MenuContribution contribution(Supplier<Window> owner, UiTasks tasks) {
        var item = Widgets.menuItem("Open recording…", "fth-folder", KeyCode.O, "openRecordingMenuItem",
                () -> ReplayWindow.openRecording(owner.get(), tasks));
        return new MenuContribution(MenuContribution.HISTORY, List.of(new SeparatorMenuItem(), item), List.of());
    }
}
