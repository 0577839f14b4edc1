package dev.switchboard.ui.main;

import dev.switchboard.ui.about.FolderOpener;
import dev.switchboard.ui.setup.SetupRunner;
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
 */
public record WindowOptions(boolean presenter, Consumer<String> opener, SetupRunner setupRunner, SetupStore setupStore,
                            boolean checkSetupOnStart) {

    public WindowOptions {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(setupStore, "setupStore");
    }

    /** Presenter mode off, folders opened with java.awt.Desktop, no setup checklist. */
    public static WindowOptions defaults() {
        return new WindowOptions(false, FolderOpener.desktopOr(null), null,
                SetupStore.inMemory(new SetupStore.Fields("", "")), false);
    }

    public WindowOptions withPresenter(boolean on) {
        return new WindowOptions(on, opener, setupRunner, setupStore, checkSetupOnStart);
    }

    public WindowOptions withOpener(Consumer<String> folderOpener) {
        return new WindowOptions(presenter, folderOpener, setupRunner, setupStore, checkSetupOnStart);
    }

    public WindowOptions withSetup(SetupRunner runner, SetupStore store, boolean checkOnStart) {
        return new WindowOptions(presenter, opener, runner, store, checkOnStart);
    }
}
