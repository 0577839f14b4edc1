package dev.switchboard.ui.main;

import dev.switchboard.ui.about.FolderOpener;
import dev.switchboard.ui.setup.SetupRunner;
import dev.switchboard.config.ScreenPlacement;
import dev.switchboard.config.SetupStore;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the app starts the window, beyond the backend: presenter mode from {@code --presenter}, how folders are
 * opened, and the setup checklist (absent: Help → Setup checklist is disabled).
 *
 * @param presenter         start in presenter mode
 * @param opener            opens a {@code file:} URI in the desktop's file manager; throws when it cannot
 * @param setupRunner       runs the setup checklist (blocking), or null
 * @param setupStore        keeps the setup screen's public URL and project id
 * @param checkSetupOnStart run the checklist once the window shows and open the setup screen if anything failed
 * @param audience          open the audience window with the main one ({@code --audience})
 * @param audiencePlacement where the audience window stood last time
 */
public record WindowOptions(boolean presenter, Consumer<String> opener, SetupRunner setupRunner, SetupStore setupStore,
                            boolean checkSetupOnStart, boolean audience, ScreenPlacement audiencePlacement) {

    public WindowOptions {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(setupStore, "setupStore");
        Objects.requireNonNull(audiencePlacement, "audiencePlacement");
    }

    /** Presenter mode off, folders opened with java.awt.Desktop, no setup checklist. */
    public static WindowOptions defaults() {
        return new WindowOptions(false, FolderOpener.desktopOr(null), null,
                SetupStore.inMemory(new SetupStore.Fields("", "")), false, false, ScreenPlacement.inMemory());
    }

    public WindowOptions withPresenter(boolean on) {
        return new WindowOptions(on, opener, setupRunner, setupStore, checkSetupOnStart, audience, audiencePlacement);
    }

    public WindowOptions withOpener(Consumer<String> folderOpener) {
        return new WindowOptions(presenter, folderOpener, setupRunner, setupStore, checkSetupOnStart, audience, audiencePlacement);
    }

    public WindowOptions withSetup(SetupRunner runner, SetupStore store, boolean checkOnStart) {
        return new WindowOptions(presenter, opener, runner, store, checkOnStart, audience, audiencePlacement);
    }

    /** {@code --audience}: open the audience window at once; {@code placement} remembers its screen. */
    public WindowOptions withAudience(boolean open, ScreenPlacement placement) {
        return new WindowOptions(presenter, opener, setupRunner, setupStore, checkSetupOnStart, open, placement);
    }
}
