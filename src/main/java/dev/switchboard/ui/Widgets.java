package dev.switchboard.ui;

import atlantafx.base.theme.Styles;
import dev.switchboard.call.CallState;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small building blocks the views share. */
public final class Widgets {

    private static final List<String> STATE_BADGES = List.of("badge-ringing", "badge-accepting", "badge-active",
            "badge-ended", "badge-rejected", "badge-missed", "badge-failed");

    private Widgets() {
    }

    public static FontIcon icon(String literal) {
        return new FontIcon(literal);
    }

    public static Label label(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    public static Button button(String text, String iconLiteral, String... styleClasses) {
        Button button = new Button(text, iconLiteral == null ? null : icon(iconLiteral));
        button.getStyleClass().addAll(styleClasses);
        return button;
    }

    /** A pill whose colour follows the call state. */
    /** A menu item with an icon and a Shortcut+{@code key} accelerator. */
    public static javafx.scene.control.MenuItem menuItem(String text, String iconLiteral, javafx.scene.input.KeyCode key,
                                                         String id, Runnable action) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(text, icon(iconLiteral));
        item.setAccelerator(new javafx.scene.input.KeyCodeCombination(key, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** A flat icon button for the top bar. */
    public static Button toolbarButton(String iconLiteral, String id, String tooltip, Runnable action) {
        Button button = button(null, iconLiteral, Styles.BUTTON_ICON, Styles.FLAT);
        button.setId(id);
        button.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A small muted line that follows {@code text} and takes no room while it is empty. */
    public static Label note(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        return label;
    }

    public static Label stateBadge() {
        Label badge = label("", "badge");
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }

    public static void showState(Label badge, CallState state) {
        // Rows redraw every second for their clocks: touching style classes that did not change would send the
        // whole row through CSS again, so only a real change is applied.
        String wanted = state == null ? null : "badge-" + state.name().toLowerCase();
        badge.setText(state == null ? "" : state.label());
        if (wanted != null && badge.getStyleClass().contains(wanted)
                && badge.getStyleClass().stream().filter(STATE_BADGES::contains).count() == 1) {
            return;
        }
        badge.getStyleClass().removeAll(STATE_BADGES);
        if (wanted != null) {
            badge.getStyleClass().add(wanted);
        }
    }

    public static String stateIcon(CallState state) {
        return switch (state) {
            case RINGING -> "fth-phone-incoming";
            case ACCEPTING, ACTIVE -> "fth-phone-call";
            case MISSED -> "fth-phone-missed";
            default -> "fth-phone-off";
        };
    }

    /** A round avatar with the state's phone icon. */
    public static StackPane avatar(boolean large) {
        StackPane avatar = new StackPane(icon("fth-phone-incoming"));
        avatar.getStyleClass().add("call-avatar");
        if (large) {
            avatar.getStyleClass().add("large");
        }
        return avatar;
    }

    public static void showState(StackPane avatar, CallState state) {
        String wanted = state == CallState.RINGING ? "ringing"
                : state == CallState.ACTIVE || state == CallState.ACCEPTING ? "active" : null;
        for (String styleClass : List.of("ringing", "active")) {
            boolean has = avatar.getStyleClass().contains(styleClass);
            if (styleClass.equals(wanted) && !has) {
                avatar.getStyleClass().add(styleClass);
            } else if (!styleClass.equals(wanted) && has) {
                avatar.getStyleClass().remove(styleClass);
            }
        }
        FontIcon icon = (FontIcon) avatar.getChildren().get(0);
        String literal = stateIcon(state == null ? CallState.ENDED : state);
        if (!literal.equals(icon.getIconLiteral())) {
            icon.setIconLiteral(literal);
        }
    }

    /** An empty state: big icon, what is missing, what to do about it. */
    public static VBox emptyState(String iconLiteral, String title, ObservableValue<String> hint, Node... actions) {
        Label heading = label(title, "title");
        Label hintLabel = label("", "hint");
        hintLabel.textProperty().bind(hint);
        hintLabel.setWrapText(true);
        VBox box = new VBox(icon(iconLiteral), heading, hintLabel);
        box.getChildren().addAll(actions);
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        return box;
    }

    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /**
     * The outcome of the last action on whichever call {@code target} holds: a tick, a warning, or a pending
     * note, in the call's own words.
     */
    public static Label actionResult(ObservableValue<CallRowViewModel> target) {
        return actionResult(target, new PresenterMode());
    }

    /** Like {@link #actionResult(ObservableValue)}, with numbers in the result masked while presenting. */
    public static Label actionResult(ObservableValue<CallRowViewModel> target, PresenterMode presenter) {
        Label label = label("", "action-result");
        label.setWrapText(true);
        FontIcon icon = icon("fth-check-circle");
        label.setGraphic(icon);
        InvalidationListener redraw = o -> {
            CallRowViewModel row = target.getValue();
            String text = row == null ? "" : presenter.text(row.actionResultProperty().get());
            label.setText(text);
            label.setVisible(!text.isEmpty());
            label.setManaged(!text.isEmpty());
            label.getStyleClass().removeAll("ok", "failed", "pending");
            if (row == null) {
                return;
            }
            if (row.isActionPending()) {
                label.getStyleClass().add("pending");
                icon.setIconLiteral("fth-loader");
            } else if (row.actionFailedProperty().get()) {
                label.getStyleClass().add("failed");
                icon.setIconLiteral("fth-alert-circle");
            } else {
                label.getStyleClass().add("ok");
                icon.setIconLiteral("fth-check-circle");
            }
        };
        target.addListener((obs, old, now) -> {
            if (old != null) {
                old.actionResultProperty().removeListener(redraw);
                old.actionPendingProperty().removeListener(redraw);
                old.actionFailedProperty().removeListener(redraw);
            }
            if (now != null) {
                now.actionResultProperty().addListener(redraw);
                now.actionPendingProperty().addListener(redraw);
                now.actionFailedProperty().addListener(redraw);
            }
            redraw.invalidated(null);
        });
        presenter.activeProperty().addListener(redraw);
        redraw.invalidated(null);
        Styles.addStyleClass(label, Styles.TEXT_SMALL);
        return label;
    }

    /** A control under its caption; a combo box takes the full width, a text area the spare height. */
    public static VBox field(String label, Node control) {
        Label caption = label(label, "field-label");
        caption.setLabelFor(control);
        if (control instanceof javafx.scene.control.ComboBox<?> combo) {
            combo.setMaxWidth(Double.MAX_VALUE);
        }
        VBox box = new VBox(4, caption, control);
        if (control instanceof javafx.scene.control.TextArea) {
            VBox.setVgrow(control, javafx.scene.layout.Priority.ALWAYS);
        }
        return box;
    }

    /** Two fields side by side, sharing the width in the ratio {@code leftShare : rightShare}. */
    public static javafx.scene.layout.HBox fieldRow(VBox left, VBox right, double leftShare, double rightShare) {
        javafx.scene.layout.HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(right, javafx.scene.layout.Priority.ALWAYS);
        left.setPrefWidth(leftShare);
        right.setPrefWidth(rightShare);
        return new javafx.scene.layout.HBox(10, left, right);
    }

    /** A two-column form: captions right-aligned on the left, fields taking the rest of the width. */
    public static javafx.scene.layout.GridPane formGrid() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(14);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints();
        captions.setHalignment(javafx.geometry.HPos.RIGHT);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().addAll(captions, fields);
        return grid;
    }

    /** A fixed tab: title, icon, content, not closable. */
    public static javafx.scene.control.Tab tab(String title, String iconLiteral, Node content) {
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setGraphic(icon(iconLiteral));
        tab.setClosable(false);
        return tab;
    }

    /** A wrapped one-line result ("Saved.", or why not), shown in the problem colour while {@code failed} holds. */
    public static Label resultLabel(String id, ObservableValue<String> text, ObservableValue<Boolean> failed) {
        Label result = label("", Styles.TEXT_SMALL);
        result.setId(id);
        result.setWrapText(true);
        result.textProperty().bind(text);
        failed.addListener((obs, was, bad) -> {
            result.getStyleClass().remove("problem-text");
            if (Boolean.TRUE.equals(bad)) {
                result.getStyleClass().add("problem-text");
            }
        });
        return result;
    }
}
