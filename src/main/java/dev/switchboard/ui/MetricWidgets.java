package dev.switchboard.ui;

import java.time.Duration;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The small live-metric widgets every screen may show (the workspace header, the call list, the presenter's audience
 * window): latency badge, cost meter, alert badge. Times are the monitor's own receive times, and say so.
 */
public final class MetricWidgets {

    public static final String OBSERVED_HERE = "observed here: the time this monitor received the events, "
            + "not what the caller's phone measured";

    private MetricWidgets() {
    }

    /** A latency badge, "0.8 s", hidden while there is none. */
    public static Label latencyBadge() {
        Label badge = Widgets.label("", "latency-badge");
        badge.setGraphic(Widgets.icon("fth-clock"));
        badge.setTooltip(new Tooltip(OBSERVED_HERE));
        showLatency(badge, Optional.empty(), "");
        return badge;
    }

    /** @param what "turn latency" or "greeting latency", for the tooltip */
    public static void showLatency(Label badge, Optional<Duration> latency, String what) {
        boolean shown = latency.isPresent();
        badge.setVisible(shown);
        badge.setManaged(shown);
        if (shown) {
            badge.setText(Formats.seconds(latency.get()));
            badge.getTooltip().setText(what + " " + latency.get().toMillis() + " ms, " + OBSERVED_HERE);
            badge.getStyleClass().removeAll("slow", "ok");
            badge.getStyleClass().add(latency.get().toMillis() >= 3_000 ? "slow" : "ok");
        }
    }

    /** The row's alert count as a red badge; hidden while there are none. Its tooltip names the newest alert. */
    public static Label alertBadge(CallRowViewModel row) {
        Label badge = Widgets.label("", "alert-badge");
        badge.setGraphic(Widgets.icon("fth-bell"));
        bindAlerts(badge, row);
        return badge;
    }

    /**
     * Shows the row's alert count on the badge (hidden without alerts) and its last alert as the tooltip. List cells
     * call this each time they show another row, so the badge keeps one tooltip: a new one is a popup window with a
     * scene of its own, and a row added on top of the list re-shows every visible cell.
     */
    public static void bindAlerts(Label badge, CallRowViewModel row) {
        badge.textProperty().unbind();
        badge.visibleProperty().unbind();
        badge.managedProperty().unbind();
        Tooltip tip = badge.getTooltip();
        if (tip != null) {
            tip.textProperty().unbind();
        }
        if (row == null) {
            badge.setVisible(false);
            badge.setManaged(false);
            return;
        }
        badge.textProperty().bind(row.alertsProperty().asString());
        badge.visibleProperty().bind(row.alertsProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        if (tip == null) {
            tip = new Tooltip();
            badge.setTooltip(tip);
        }
        tip.textProperty().bind(row.lastAlertProperty());
    }

    /**
     * The header meter: greeting latency, live cost, p50 / p95 / max and the alert badge of the call, kept up to date
     * by the row (call {@link #showRow} when the shown call changes).
     */
    public static HBox callMeter() {
        Label greeting = Widgets.label("", "metric", "greeting-metric");
        Label cost = Widgets.label("", "metric", "cost-meter");
        cost.setGraphic(Widgets.icon("fth-dollar-sign"));
        Label latency = Widgets.label("", "metric", "latency-metric");
        latency.setTooltip(new Tooltip("turn latency over the answered turns, " + OBSERVED_HERE));
        greeting.setTooltip(new Tooltip("accept answered → the agent's first words, " + OBSERVED_HERE));
        Label alerts = Widgets.label("", "alert-badge");
        alerts.setGraphic(Widgets.icon("fth-bell"));
        for (Label label : java.util.List.of(greeting, latency, cost, alerts)) {
            label.setMinWidth(Label.USE_PREF_SIZE); // numbers are never cut short
        }
        HBox meter = new HBox(10, greeting, latency, cost, alerts);
        meter.getStyleClass().add("call-meter");
        meter.setId("callMeter");
        showRow(meter, null);
        return meter;
    }

    public static void showRow(HBox meter, CallRowViewModel row) {
        Label greeting = (Label) meter.getChildren().get(0);
        Label latency = (Label) meter.getChildren().get(1);
        Label cost = (Label) meter.getChildren().get(2);
        Label alerts = (Label) meter.getChildren().get(3);
        for (Label l : new Label[] {greeting, latency, cost}) {
            l.textProperty().unbind();
            l.setText("");
        }
        bindAlerts(alerts, row);
        if (row == null) {
            return;
        }
        greeting.textProperty().bind(row.greetingProperty());
        latency.textProperty().bind(row.latencyProperty());
        cost.textProperty().bind(row.costProperty());
        for (Label l : new Label[] {greeting, latency, cost}) {
            l.visibleProperty().bind(Bindings.isNotEmpty(l.textProperty()));
            l.managedProperty().bind(l.visibleProperty());
        }
    }
}
