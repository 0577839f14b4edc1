package dev.switchboard.ui.history;

import dev.switchboard.monitor.HistoryService;
import dev.switchboard.ui.MenuContribution;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.Widgets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/** History → Call history… (Ctrl+H) and the top bar's clock button; disabled where no history is kept. */
public final class HistoryMenu {

    private HistoryMenu() {
    }

    public static MenuContribution contribution(Supplier<Window> owner, Optional<HistoryService> history,
                                                UiTasks tasks, PresenterMode presenter, HistoryWindow.Links links) {
        Runnable open = () -> history.ifPresent(h -> HistoryWindow.open(owner.get(), h, tasks, presenter, links));
        var item = Widgets.menuItem("Call history…", "fth-clock", KeyCode.H, "historyMenuItem", open);
        item.setDisable(history.isEmpty());
        return new MenuContribution(MenuContribution.HISTORY, List.of(item), history.isEmpty() ? List.of()
                : List.of(Widgets.toolbarButton("fth-clock", "historyButton", "Call history (Ctrl+H)", open)));
    }
}
