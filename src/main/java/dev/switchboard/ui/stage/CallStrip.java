package dev.switchboard.ui.stage;

import atlantafx.base.theme.Tweaks;
import dev.switchboard.ui.CallRowViewModel;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.ui.Widgets;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The call list collapsed to a narrow strip for the presenter layout: one avatar per call in its state's colour with
 * its timer under it; the caller's name (masked as presenter mode says) in the tooltip. Selection goes both ways.
 */
public final class CallStrip extends ListView<CallRowViewModel> {

    public static final double WIDTH = 84;

    public CallStrip(ObservableList<CallRowViewModel> rows, ObjectProperty<CallRowViewModel> selected,
                     PresenterMode presenter) {
        super(rows);
        setId("callStrip");
        getStyleClass().addAll("call-strip", Tweaks.EDGE_TO_EDGE);
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        setFocusTraversable(false);
        setCellFactory(list -> new StripCell(presenter));
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                selected.set(row);
            }
        });
        selected.addListener((obs, old, row) -> select(row));
        select(selected.get());
    }

    private void select(CallRowViewModel row) {
        if (row != null && getSelectionModel().getSelectedItem() != row) {
            getSelectionModel().select(row);
            scrollTo(row);
        }
    }

    private static final class StripCell extends ListCell<CallRowViewModel> {

        private final PresenterMode presenter;
        private final StackPane avatar = Widgets.avatar(false);
        private final Label clock = Widgets.label("", "call-clock");
        private final VBox graphic = new VBox(4, avatar, clock);
        private final Tooltip who = new Tooltip();
        private final InvalidationListener redraw = o -> redraw();
        private CallRowViewModel shown;

        StripCell(PresenterMode presenter) {
            this.presenter = presenter;
            graphic.setAlignment(Pos.CENTER);
            clock.setMinWidth(Label.USE_PREF_SIZE);
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(CallRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.stateProperty().removeListener(redraw);
                shown.clockProperty().removeListener(redraw);
            }
            shown = empty ? null : row;
            setText(null);
            if (shown == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            shown.stateProperty().addListener(redraw);
            shown.clockProperty().addListener(redraw);
            redraw();
            setGraphic(graphic);
            setTooltip(who);
        }

        private void redraw() {
            if (shown == null) {
                return;
            }
            Widgets.showState(avatar, shown.state());
            clock.setText(shown.clockProperty().get());
            who.setText(presenter.name(shown.call().caller()) + " · " + shown.state().label());
        }
    }
}
