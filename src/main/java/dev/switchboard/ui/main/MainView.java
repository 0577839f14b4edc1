package dev.switchboard.ui.main;

import dev.switchboard.ui.MenuContribution;
import dev.switchboard.ui.OverflowBar;
import dev.switchboard.ui.Stylesheets;
import dev.switchboard.ui.UiTasks;
import dev.switchboard.ui.history.HistoryWindow;
import dev.switchboard.ui.experiments.ExperimentsWindow;
import dev.switchboard.ui.history.HistoryMenu;
import dev.switchboard.ui.profiles.ProfilesMenu;
import dev.switchboard.ui.replay.ReplayMenu;
import dev.switchboard.ui.replay.ReplayWindow;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.PresenterControls;
import dev.switchboard.ui.calllist.CallListView;
import dev.switchboard.ui.stage.CallStrip;
import dev.switchboard.ui.settings.SettingsPane;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The whole window: menu and top bar, call list on the left, the selected call on the right, status bar. */
public final class MainView extends BorderPane {

    private final SwitchboardViewModel model;
    private final BooleanProperty darkTheme;
    private final Label notice = Widgets.label("", Styles.TEXT_SMALL);
    private final CallListView callList;
    private final CallWorkspace workspace;
    private final HelpMenu help;
    private final PresenterLayout layout;
    private final StageMenu stageMenu;

    public MainView(SwitchboardViewModel model, BooleanProperty darkTheme) {
        this(model, darkTheme, WindowOptions.defaults());
    }

    public MainView(SwitchboardViewModel model, BooleanProperty darkTheme, WindowOptions options) {
        this.model = model;
        this.darkTheme = darkTheme;
        this.help = new HelpMenu(model, options, () -> getScene() == null ? null : getScene().getWindow());
        this.stageMenu = new StageMenu(model, options.audiencePlacement());
        setId("mainView");

        StringBinding webhookHint = Bindings.createStringBinding(() -> "Point your OpenAI webhook at "
                + model.listenerUrlProperty().get() + (model.isDemo() ? "\n— or ring a demo call to try it now (Ctrl+D)." : "."),
                model.listenerUrlProperty(), model.demoProperty());
        callList = new CallListView(model.callList(), Widgets.emptyState("fth-phone-incoming", "No calls yet",
                webhookHint, demoButton(Styles.ACCENT, "emptyStateRingButton")), model.presenter());
        workspace = new CallWorkspace(model, Widgets.emptyState("fth-headphones", "Select a call",
                Bindings.createStringBinding(() -> "Calls appear on the left as they ring. Use ↑/↓ to move, "
                        + "Enter to open, A to accept, R to reject, H to hang up (F1 lists every shortcut).")));
        installCallListKeys();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                installWindowKeys(scene);
            }
        });

        Label callsTitle = Widgets.label("Calls", Styles.TEXT_BOLD);
        Label callsCount = Widgets.label("", "badge");
        callsCount.textProperty().bind(Bindings.size(model.callList().rows()).asString());
        HBox callsHeader = new HBox(callsTitle, callsCount);
        callsHeader.getStyleClass().add("pane-header");
        VBox left = new VBox(callsHeader, callList);
        VBox.setVgrow(callList, Priority.ALWAYS);
        left.setMinWidth(240);

        layout = new PresenterLayout(left, workspace, new CallStrip(model.callList().rows(),
                model.callList().selectedProperty(), model.presenter()), model.presenter());

        List<MenuContribution> features = features();
        setTop(new VBox(menuBar(features), appBar(features)));
        setCenter(layout);
        setBottom(statusBar());
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Stylesheets.addTo(scene.getStylesheets());
            }
        });
    }

    /** History, profiles and replay, in the order their items stand in the menu and their buttons in the top bar. */
    private List<MenuContribution> features() {
        Supplier<Window> owner = () -> getScene() == null ? null : getScene().getWindow();
        UiTasks tasks = model.tasks();
        HistoryWindow.Links links = new HistoryWindow.Links(ReplayWindow.replayer(tasks),
                (window, call) -> ReplayWindow.open(window, call, tasks), window -> ReplayWindow.openRecording(window, tasks));
        return List.of(
                HistoryMenu.contribution(owner, model.backend().history(), tasks, model.presenter(), links),
                ProfilesMenu.contribution(owner, model.backend().profiles(), model.backend().experiments(), tasks,
                        () -> model.profilePicker().reload()),
                ReplayMenu.contribution(owner, tasks),
                ExperimentsWindow.contribution(owner, model.backend().experiments(), tasks, model.presenter()));
    }

    private static List<MenuItem> itemsFor(String menu, List<MenuContribution> features) {
        return features.stream().filter(f -> f.menu().equals(menu)).flatMap(f -> f.items().stream()).toList();
    }

    // ---- keyboard ----

    /** Enter on the call list opens the call's panel. */
    private void installCallListKeys() {
        callList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()) {
                workspace.focusPanel();
                e.consume();
            }
        });
    }

    /**
     * A, R and H act on the selected call wherever the focus is, except in a text input (there they type).
     * Keys on a call that cannot take them (e.g. H while ringing) do nothing, quietly.
     */
    private void installWindowKeys(Scene scene) {
        scene.getAccelerators().put(PresenterLayout.SHOW_CALL_LIST, layout::toggleDrawer);
        scene.getAccelerators().put(CallWorkspace.TOGGLE_CONTROLS, workspace::toggleControls);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed() || e.isShortcutDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                    || typing(scene.getFocusOwner())) {
                return;
            }
            boolean handled = switch (e.getCode()) {
                case A -> {
                    model.acceptSelected();
                    yield true;
                }
                case R -> {
                    model.rejectSelected();
                    yield true;
                }
                case H -> {
                    model.hangupSelected();
                    yield true;
                }
                default -> false;
            };
            if (handled) {
                e.consume();
            }
        });
    }

    /** True while the focus is somewhere a letter key types text. */
    static boolean typing(Node focused) {
        return focused instanceof TextInputControl
                || (focused instanceof ComboBoxBase<?> combo && combo.isEditable())
                || (focused instanceof Spinner<?> spinner && spinner.isEditable());
    }

    // ---- menu bar and top bar ----

    private MenuBar menuBar(List<MenuContribution> features) {
        MenuItem settings = new MenuItem("Settings…", Widgets.icon("fth-settings"));
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        settings.setOnAction(e -> showSettings());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu app = new Menu("_Switchboard", null, settings, new SeparatorMenuItem(), quit);

        MenuItem ringNow = new MenuItem("Ring demo call", Widgets.icon("fth-phone-incoming"));
        ringNow.setId("ringDemoMenuItem");
        ringNow.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        ringNow.setOnAction(e -> ringDemo(0));
        ringNow.disableProperty().bind(model.demoProperty().not());
        Menu ring = new Menu("Ring demo scenario");
        followScenarios(ring.getItems());
        ring.disableProperty().bind(model.demoProperty().not());
        CheckMenuItem autoAccept = new CheckMenuItem("Auto-accept every call");
        autoAccept.selectedProperty().bindBidirectional(model.autoAcceptProperty());
        Menu calls = new Menu("_Calls", null, ringNow, ring, new SeparatorMenuItem(), autoAccept);
        Menu history = new Menu(MenuContribution.HISTORY);
        history.setId("historyMenu");
        history.getItems().setAll(itemsFor(MenuContribution.HISTORY, features));

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.selectedProperty().bindBidirectional(darkTheme);
        CheckMenuItem sound = new CheckMenuItem("Sound on ring");
        sound.setId("soundOnRingItem");
        sound.selectedProperty().bindBidirectional(model.soundOnRingProperty());
        Menu view = new Menu("_View", null, dark, sound, new SeparatorMenuItem(),
                PresenterControls.menuItem(model.presenter()));
        view.getItems().addAll(stageMenu.items());

        MenuItem keys = new MenuItem("Keyboard shortcuts", Widgets.icon("fth-command"));
        keys.setId("shortcutsMenuItem");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> showShortcuts());
        Menu help = new Menu("_Help", null, keys, new SeparatorMenuItem());
        help.getItems().addAll(this.help.items());
        return new MenuBar(app, calls, history, view, help);
    }

    /** Keeps {@code items} one per demo scenario (they come and go with demo mode). */
    private void followScenarios(ObservableList<MenuItem> items) {
        Runnable rebuild = () -> items.setAll(scenarioItems(this::ringDemo));
        model.demoScenarios().addListener((javafx.collections.ListChangeListener<String>) c -> rebuild.run());
        rebuild.run();
    }

    private Node appBar(List<MenuContribution> features) {
        StackPane logo = new StackPane(Widgets.icon("fth-phone-call"));
        logo.getStyleClass().add("app-logo");
        Label title = Widgets.label("Switchboard", Styles.TITLE_4);
        Label subtitle = Widgets.label("OpenAI Realtime SIP monitor", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox titles = new VBox(0, title, subtitle);
        titles.setAlignment(Pos.CENTER_LEFT);

        ToggleSwitch autoAccept = new ToggleSwitch("Auto-accept");
        autoAccept.setId("autoAcceptSwitch");
        autoAccept.selectedProperty().bindBidirectional(model.autoAcceptProperty());
        autoAccept.setTooltip(new Tooltip("Accept every ringing call at once with the settings in the Answer panel"));

        Button theme = Widgets.button(null, "fth-moon", Styles.BUTTON_ICON, Styles.FLAT);
        theme.setId("themeToggle");
        theme.setTooltip(new Tooltip("Switch light / dark theme"));
        theme.setOnAction(e -> darkTheme.set(!darkTheme.get()));
        darkTheme.addListener((obs, was, dark) ->
                ((org.kordamp.ikonli.javafx.FontIcon) theme.getGraphic()).setIconLiteral(dark ? "fth-sun" : "fth-moon"));
        Button settings = Widgets.button(null, "fth-settings", Styles.BUTTON_ICON, Styles.FLAT);
        settings.setId("settingsButton");
        settings.setTooltip(new Tooltip("Settings"));
        settings.setOnAction(e -> showSettings());

        // Text never gets cut: what does not fit moves under "⋯" (titles first, the demo button last).
        MenuItem ringItem = new MenuItem("Ring demo call", Widgets.icon("fth-phone-incoming"));
        ringItem.setOnAction(e -> ringDemo(0));
        CheckMenuItem autoAcceptItem = new CheckMenuItem("Auto-accept every call");
        autoAcceptItem.selectedProperty().bindBidirectional(model.autoAcceptProperty());
        MenuItem noticeItem = new MenuItem();
        noticeItem.textProperty().bind(notice.textProperty());
        OverflowBar bar = new OverflowBar(logo);
        bar.overflowing(titles, null, 0)
                .fixed(new Separator(javafx.geometry.Orientation.VERTICAL))
                .overflowing(demoButton(Styles.ACCENT, "ringDemoButton", false), ringItem, 4, model.demoProperty())
                .overflowing(autoAccept, autoAcceptItem, 3)
                .fixed(new Spacer())
                .overflowing(notice, noticeItem, 1, notice.textProperty().isNotEmpty())
                .fixed(PresenterControls.toolbarToggle(model.presenter()));
        features.forEach(f -> f.toolbar().forEach(node -> bar.overflowing(node, null, 2)));
        bar.fixed(theme).fixed(settings);
        bar.getStyleClass().add("app-bar");
        notice.setId("notice");
        return bar;
    }

    /** "Ring demo call": the first scenario on click, the others from its arrow. Hidden outside demo mode. */
    private Node demoButton(String style, String id) {
        return demoButton(style, id, true);
    }

    /** @param ownVisibility false when a toolbar decides whether it shows */
    private Node demoButton(String style, String id, boolean ownVisibility) {
        SplitMenuButton button = new SplitMenuButton();
        button.setText("Ring demo call");
        button.setGraphic(Widgets.icon("fth-phone-incoming"));
        button.setId(id);
        button.setOnAction(e -> ringDemo(0));
        followScenarios(button.getItems());
        button.getStyleClass().add(style);
        button.setTooltip(new Tooltip("Ring a simulated call through the real webhook path (Ctrl+D)"));
        button.setMinWidth(SplitMenuButton.USE_PREF_SIZE);
        if (ownVisibility) {
            button.visibleProperty().bind(model.demoProperty());
            button.managedProperty().bind(model.demoProperty());
        }
        return button;
    }

    private List<MenuItem> scenarioItems(Consumer<Integer> ring) {
        List<String> scenarios = model.demoScenarios();
        return java.util.stream.IntStream.range(0, scenarios.size()).mapToObj(i -> {
            MenuItem item = new MenuItem(scenarios.get(i));
            item.setOnAction(e -> ring.accept(i));
            return item;
        }).toList();
    }

    private void ringDemo(int scenario) {
        if (!model.isDemo()) {
            showNotice("Demo calls ring only in demo mode (without an API key).");
            return;
        }
        model.ringDemoCall(scenario, this::showNotice);
    }

    private void showNotice(String text) {
        notice.setText(text);
        PauseTransition hide = new PauseTransition(Duration.seconds(6));
        hide.setOnFinished(e -> {
            if (notice.getText().equals(text)) {
                notice.setText("");
            }
        });
        hide.play();
    }

    private void showSettings() {
        var dialog = SettingsPane.dialog(getScene().getWindow(), model.newSettings(), model.isDemo(),
                model.presenter().isActive());
        PresenterControls.style(dialog.getDialogPane(), getScene(), model.presenter());
        dialog.show();
    }

    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setId("shortcutsTable");
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.ALL) {
            Label keys = Widgets.label(shortcut.keys(), "kbd");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(row++, keys, Widgets.label(shortcut.action()));
        }
        Label note = Widgets.label(Shortcuts.NOTE, Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.setMaxWidth(460);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.initOwner(getScene().getWindow());
        dialog.getDialogPane().setContent(new VBox(12, grid, note));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("shortcutsDialog");
        dialog.show();
    }

    /** View → Open audience window and its pin. */
    StageMenu stage() {
        return stageMenu;
    }

    /** Help menu actions (About, log folder, setup checklist). */
    public HelpMenu help() {
        return help;
    }

    // ---- status bar ----

    private Node statusBar() {
        Hyperlink url = new Hyperlink();
        url.setId("listenerUrl");
        url.setGraphic(Widgets.icon("fth-link"));
        url.textProperty().bind(model.listenerUrlProperty());
        url.setTooltip(new Tooltip("Click to copy the webhook listener URL"));
        url.setOnAction(e -> {
            Widgets.copyToClipboard(model.listenerUrlProperty().get());
            showNotice("Listener URL copied to the clipboard.");
            url.setVisited(false);
        });

        Label received = Widgets.label("", Styles.TEXT_MUTED);
        received.setId("webhookCounters");
        received.setGraphic(Widgets.icon("fth-download"));
        received.textProperty().bind(Bindings.createStringBinding(
                () -> model.webhooksReceivedProperty().get() + " webhooks received · "
                        + model.webhooksRejectedProperty().get() + " rejected",
                model.webhooksReceivedProperty(), model.webhooksRejectedProperty()));

        Label key = Widgets.label("", Styles.TEXT_MUTED);
        key.setGraphic(Widgets.icon("fth-key"));
        key.textProperty().bind(Bindings.when(model.presenter().activeProperty()).then("")
                .otherwise(Bindings.concat("API key ", model.maskedApiKeyProperty())));
        Label mode = Widgets.label("", "badge");
        mode.setId("modeBadge");
        Tooltip modeTip = new Tooltip();
        mode.setTooltip(modeTip);
        Runnable showMode = () -> {
            boolean demo = model.isDemo();
            mode.setText(demo ? "DEMO" : "LIVE");
            mode.getStyleClass().removeAll("badge-demo", "badge-live");
            mode.getStyleClass().add(demo ? "badge-demo" : "badge-live");
            modeTip.setText(demo ? "Demo mode: calls come from the embedded simulator; no API key needed."
                    : "Live: calls come from OpenAI through your webhook.");
        };
        model.demoProperty().addListener(o -> showMode.run());
        showMode.run();

        PresenterControls.hideWhilePresenting(model.presenter(), key);
        HBox bar = new HBox(url, new Separator(javafx.geometry.Orientation.VERTICAL), received, new Spacer(), key,
                PresenterControls.statusBadge(model.presenter()), mode);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

}
