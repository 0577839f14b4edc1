package dev.switchboard.ui.calllist;

import dev.switchboard.ui.CallRowViewModel;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.switchboard.ui.MetricWidgets;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.PresenterMode;
import dev.switchboard.call.CallState;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The calls, newest first: who is calling, the state badge, and the ring timer or duration. */
public final class CallListView extends ListView<CallRowViewModel> {

    /** One animation for every ringing badge; it runs only while some call rings. */
    private final DoubleProperty pulse = new SimpleDoubleProperty(1);
    private final Timeline pulsing = new Timeline(
            new KeyFrame(Duration.ZERO, new KeyValue(pulse, 1.0)),
            new KeyFrame(Duration.millis(650), new KeyValue(pulse, 0.35, Interpolator.EASE_BOTH)));

    private final PresenterMode presenter;

    public CallListView(CallListViewModel model, Node placeholder) {
        this(model, placeholder, new PresenterMode());
    }

    /** @param presenter while on, numbers show masked but their last digits */
    public CallListView(CallListViewModel model, Node placeholder, PresenterMode presenter) {
        super(model.rows());
        this.presenter = presenter;
        presenter.activeProperty().addListener(o -> refresh());
        pulsing.setAutoReverse(true);
        pulsing.setCycleCount(Animation.INDEFINITE);
        model.ringingProperty().addListener((obs, old, n) -> ringing(n.intValue() > 0));
        ringing(model.ringingProperty().get() > 0);
        setId("callList");
        getStyleClass().addAll("call-list", Tweaks.EDGE_TO_EDGE);
        setPlaceholder(placeholder);
        setCellFactory(list -> new CallCell());
        // Selection flows both ways: the window selects new ringing calls, the person selects by hand.
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row != null && getSelectionModel().getSelectedItem() != row) {
                getSelectionModel().select(row);
                scrollTo(row);
            }
        });
    }

    private void ringing(boolean any) {
        if (any && pulsing.getStatus() != Animation.Status.RUNNING) {
            pulsing.play();
        } else if (!any) {
            pulsing.stop();
            pulse.set(1);
        }
    }

    /** True while the ringing badges pulse. */
    public boolean isPulsing() {
        return pulsing.getStatus() == Animation.Status.RUNNING;
    }

    private final class CallCell extends ListCell<CallRowViewModel> {

        private final StackPane avatar = Widgets.avatar(false);
        private final Label name = Widgets.label("", Styles.TEXT_BOLD);
        private final Label number = Widgets.label("", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        private final Label badge = Widgets.stateBadge();
        private final Label clock = Widgets.label("", "call-clock");
        private final Label greeting = Widgets.label("", "metric", "greeting-metric");
        private final Label alerts = Widgets.label("", "alert-badge");
        private final HBox graphic;
        private final InvalidationListener redraw = o -> redraw();
        private CallRowViewModel shown;

        CallCell() {
            VBox who = new VBox(2, name, number);
            alerts.setGraphic(Widgets.icon("fth-bell"));
            alerts.setId("rowAlertBadge");
            greeting.setTooltip(new javafx.scene.control.Tooltip("greeting latency, " + MetricWidgets.OBSERVED_HERE));
            HBox badges = new HBox(4, alerts, badge);
            badges.setAlignment(Pos.CENTER_RIGHT);
            VBox right = new VBox(4, badges, clock, greeting);
            right.setAlignment(Pos.CENTER_RIGHT);
            graphic = new HBox(10, avatar, who, new Spacer(), right);
            graphic.setAlignment(Pos.CENTER_LEFT);
            name.setMinWidth(0);
            number.setMinWidth(0);
            number.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // the last digits are the ones that matter
            who.setMinWidth(0);
            setPrefWidth(0); // the cell takes the list's width: long names shorten with "…" instead of scrolling
        }

        @Override
        protected void updateItem(CallRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.stateProperty().removeListener(redraw);
                shown.clockProperty().removeListener(redraw);
                shown.greetingProperty().removeListener(redraw);
            }
            shown = empty ? null : row;
            MetricWidgets.bindAlerts(alerts, shown);
            if (shown == null) {
                badge.opacityProperty().unbind();
                avatar.opacityProperty().unbind();
                setGraphic(null);
                setText(null);
                return;
            }
            shown.stateProperty().addListener(redraw);
            shown.clockProperty().addListener(redraw);
            shown.greetingProperty().addListener(redraw);
            name.setText(presenter.name(shown.call().caller()));
            name.setTextOverrun(shown.call().caller().displayName().isBlank()
                    ? OverrunStyle.LEADING_ELLIPSIS : OverrunStyle.ELLIPSIS);
            number.setText(presenter.number(shown.number()));
            number.setVisible(!shown.number().isEmpty());
            redraw();
            setGraphic(graphic);
        }

        private void redraw() {
            if (shown == null) {
                return;
            }
            Widgets.showState(badge, shown.state());
            Widgets.showState(avatar, shown.state());
            boolean ringing = shown.state() == CallState.RINGING;
            if (ringing && !badge.opacityProperty().isBound()) {
                badge.opacityProperty().bind(pulse);
                avatar.opacityProperty().bind(pulse);
            } else if (!ringing && badge.opacityProperty().isBound()) {
                badge.opacityProperty().unbind();
                avatar.opacityProperty().unbind();
                badge.setOpacity(1);
                avatar.setOpacity(1);
            }
            clock.setText(shown.clockProperty().get());
            greeting.setText(shown.greetingProperty().get());
            greeting.setVisible(!greeting.getText().isEmpty());
            greeting.setManaged(greeting.isVisible());
        }
    }
}
