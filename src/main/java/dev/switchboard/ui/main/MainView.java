package dev.switchboard.ui.main;

import atlantafx.base.controls.Spacer;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.calllist.CallListView;
import dev.switchboard.ui.settings.SettingsPane;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
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

    public MainView(SwitchboardViewModel model, BooleanProperty darkTheme) {
        this.model = model;
        this.darkTheme = darkTheme;
        setId("mainView");

        StringBinding webhookHint = Bindings.createStringBinding(() -> "Point your OpenAI webhook at "
                + model.listenerUrlProperty().get() + (model.isDemo() ? "\n— or ring a demo call to try it now." : "."),
                model.listenerUrlProperty());
        callList = new CallListView(model.callList(), Widgets.emptyState("fth-phone-incoming", "No calls yet",
                webhookHint, demoButton(Styles.ACCENT)));
        workspace = new CallWorkspace(model, Widgets.emptyState("fth-headphones", "Select a call",
                Bindings.createStringBinding(() -> "Calls appear on the left as they ring. Use ↑/↓ to move, "
                        + "Enter to open, A to accept, R to reject, H to hang up.")));
        installCallListKeys();

        Label callsTitle = Widgets.label("Calls", Styles.TEXT_BOLD);
        Label callsCount = Widgets.label("", "badge");
        callsCount.textProperty().bind(Bindings.size(model.callList().rows()).asString());
        HBox callsHeader = new HBox(callsTitle, callsCount);
        callsHeader.getStyleClass().add("pane-header");
        VBox left = new VBox(callsHeader, callList);
        VBox.setVgrow(callList, Priority.ALWAYS);
        left.setMinWidth(240);

        SplitPane split = new SplitPane(left, workspace);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(left, false);

        setTop(new VBox(menuBar(), appBar()));
        setCenter(split);
        setBottom(statusBar());
        dev.switchboard.ui.history.HistoryMenus.install(this, model); // issue 5: History menu, Ctrl+H, Ctrl+P
    }

    // ---- keyboard on the call list ----

    private void installCallListKeys() {
        callList.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            boolean handled = switch (e.getCode()) {
                case ENTER -> {
                    workspace.focusPanel();
                    yield true;
                }
                // Keys on a call that cannot take them (e.g. H while ringing) do nothing, quietly.
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

    // ---- menu bar and top bar ----

    private MenuBar menuBar() {
        MenuItem settings = new MenuItem("Settings…", Widgets.icon("fth-settings"));
        settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
        settings.setOnAction(e -> showSettings());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu app = new Menu("_Switchboard", null, settings, new SeparatorMenuItem(), quit);

        Menu ring = new Menu("Ring demo call", Widgets.icon("fth-phone-incoming"));
        ring.getItems().addAll(scenarioItems(this::ringDemo));
        ring.setDisable(model.backend().demoScenarios().isEmpty());
        CheckMenuItem autoAccept = new CheckMenuItem("Auto-accept every call");
        autoAccept.selectedProperty().bindBidirectional(model.autoAcceptProperty());
        Menu calls = new Menu("_Calls", null, ring, autoAccept);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.selectedProperty().bindBidirectional(darkTheme);
        Menu view = new Menu("_View", null, dark);
        return new MenuBar(app, calls, view);
    }

    private Node appBar() {
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

        HBox bar = new HBox(logo, titles, new Separator(javafx.geometry.Orientation.VERTICAL), demoButton(Styles.ACCENT),
                autoAccept, new Spacer(), notice, theme, settings);
        bar.getStyleClass().add("app-bar");
        notice.setId("notice");
        return bar;
    }

    /** "Ring demo call": the first scenario on click, the others from its menu. Hidden outside demo mode. */
    private Node demoButton(String style) {
        List<String> scenarios = model.backend().demoScenarios();
        MenuButton button = new MenuButton("Ring demo call", Widgets.icon("fth-phone-incoming"));
        button.getItems().addAll(scenarioItems(this::ringDemo));
        button.getStyleClass().add(style);
        button.setVisible(!scenarios.isEmpty());
        button.setManaged(!scenarios.isEmpty());
        return button;
    }

    private List<MenuItem> scenarioItems(Consumer<Integer> ring) {
        List<String> scenarios = model.backend().demoScenarios();
        return java.util.stream.IntStream.range(0, scenarios.size()).mapToObj(i -> {
            MenuItem item = new MenuItem(scenarios.get(i));
            item.setOnAction(e -> ring.accept(i));
            return item;
        }).toList();
    }

    private void ringDemo(int scenario) {
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
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Settings");
        dialog.setHeaderText("Switchboard settings");
        dialog.initOwner(getScene().getWindow());
        dialog.getDialogPane().setContent(new SettingsPane(model.maskedApiKey(), model.listenerUrlProperty().get(), model.isDemo()));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
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

        Label key = Widgets.label("API key " + model.maskedApiKey(), Styles.TEXT_MUTED);
        key.setGraphic(Widgets.icon("fth-key"));
        Label mode = Widgets.label(model.isDemo() ? "DEMO" : "LIVE", "badge", model.isDemo() ? "badge-demo" : "badge-live");
        mode.setId("modeBadge");
        mode.setTooltip(new Tooltip(model.isDemo()
                ? "Demo mode: calls come from the embedded simulator; no API key needed."
                : "Live: calls come from OpenAI through your webhook."));

        HBox bar = new HBox(url, new Separator(javafx.geometry.Orientation.VERTICAL), received, new Spacer(), key, mode);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

}
