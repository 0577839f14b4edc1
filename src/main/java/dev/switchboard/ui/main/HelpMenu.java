package dev.switchboard.ui.main;

import dev.switchboard.util.Threads;
import dev.switchboard.ui.about.AboutViewModel;
import dev.switchboard.ui.about.AboutDialog;
import dev.switchboard.ui.about.FolderOpener;

import dev.switchboard.logging.LogFiles;
import dev.switchboard.setup.CheckResult;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.setup.SetupPane;
import dev.switchboard.ui.setup.SetupViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/** The Help menu's additions: Setup checklist…, Open log folder, About Switchboard. */
public final class HelpMenu {

    /** Each run of the checklist on its own daemon thread (it blocks for seconds on the network). */
    static final Executor BACKGROUND = task -> Threads.startDaemon("switchboard-setup-check", task);

    private final SwitchboardViewModel model;
    private final WindowOptions options;
    private final Supplier<Window> owner;
    private final Supplier<Path> logFolder;

    public HelpMenu(SwitchboardViewModel model, WindowOptions options, Supplier<Window> owner) {
        this(model, options, owner, LogFiles::currentDirectory);
    }

    public HelpMenu(SwitchboardViewModel model, WindowOptions options, Supplier<Window> owner, Supplier<Path> logFolder) {
        this.model = model;
        this.options = options;
        this.owner = owner;
        this.logFolder = logFolder;
    }

    public List<MenuItem> items() {
        MenuItem setup = new MenuItem("Setup checklist…", Widgets.icon("fth-check-square"));
        setup.setId("setupMenuItem");
        setup.setDisable(options.setupRunner() == null);
        setup.setOnAction(e -> showSetup(null));
        MenuItem logs = new MenuItem("Open log folder", Widgets.icon("fth-folder"));
        logs.setId("openLogFolderMenuItem");
        logs.setOnAction(e -> openLogFolder());
        MenuItem about = new MenuItem("About Switchboard", Widgets.icon("fth-info"));
        about.setId("aboutMenuItem");
        about.setOnAction(e -> showAbout());
        return List.of(setup, logs, new SeparatorMenuItem(), about);
    }

    public void openLogFolder() {
        FolderOpener.open(logFolder.get(), options.opener(), model.dispatcher(), owner.get(), "Log folder");
    }

    public void showAbout() {
        AboutDialog.create(owner.get(), AboutViewModel.current(logFolder.get()), model.presenter(),
                this::openLogFolder).show();
    }

    /** Opens the setup screen, with {@code results} already shown when given. */
    public SetupViewModel showSetup(List<CheckResult> results) {
        SetupViewModel setup = newSetup();
        if (results != null) {
            setup.show(results);
        }
        SetupPane.dialog(owner.get(), setup, model.isDemo(), model.presenter()).show();
        return setup;
    }

    /** First run in live mode: checks in the background, opens the setup screen only when something failed. */
    public void checkOnStart() {
        if (options.setupRunner() == null) {
            return;
        }
        newSetup().run().thenAccept(results -> {
            if (results.stream().anyMatch(CheckResult::failed)) {
                showSetup(results);
            }
        });
    }

    private SetupViewModel newSetup() {
        return new SetupViewModel(options.setupRunner(), options.setupStore(), BACKGROUND, model.dispatcher());
    }
}
