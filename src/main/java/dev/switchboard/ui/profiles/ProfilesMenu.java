package dev.switchboard.ui.profiles;

import dev.switchboard.monitor.ProfileService;
import dev.switchboard.ui.MenuContribution;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.Widgets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;

/** History → Profiles and routing… (Ctrl+P) and the top bar's people button; disabled without a profile store. */
public final class ProfilesMenu {

    private ProfilesMenu() {
    }

    /** @param onChanged runs after the editor saved (the accept panel's picker reloads) */
    public static MenuContribution contribution(Supplier<Window> owner, Optional<ProfileService> profiles,
                                                UiTasks tasks, Runnable onChanged) {
        return contribution(owner, profiles, Optional.empty(), tasks, onChanged);
    }

    /** @param experiments each version's calls and metrics in the editor */
    public static MenuContribution contribution(Supplier<Window> owner, Optional<ProfileService> profiles,
                                                Optional<dev.switchboard.monitor.ExperimentService> experiments,
                                                UiTasks tasks, Runnable onChanged) {
        Runnable open = () -> profiles.ifPresent(p -> ProfilesWindow.open(owner.get(), p, experiments, tasks, onChanged));
        var item = Widgets.menuItem("Profiles and routing…", "fth-users", KeyCode.P, "profilesMenuItem", open);
        item.setDisable(profiles.isEmpty());
        return new MenuContribution(MenuContribution.HISTORY, List.of(item), profiles.isEmpty() ? List.of()
                : List.of(Widgets.toolbarButton("fth-users", "profilesButton",
                        "Agent profiles and routing rules (Ctrl+P)", open)));
    }
}
