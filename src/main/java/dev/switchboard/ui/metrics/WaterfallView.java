package dev.switchboard.ui.metrics;

import atlantafx.base.theme.Styles;
import dev.switchboard.ui.MetricWidgets;
import dev.switchboard.ui.Widgets;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One bar per answered turn: the caller's wait (amber, with the tool's share in blue) then the agent speaking
 * (green), all on one time scale, with the turn's cost. Rebuilt when the bars or the width change, not per delta.
 */
public final class WaterfallView extends BorderPane {

    private static final double LABEL_WIDTH = 60;
    private static final double COST_WIDTH = 80;

    private final WaterfallViewModel model;
    private final VBox rows = new VBox();

    public WaterfallView(WaterfallViewModel model) {
        this.model = model;
        setId("waterfall");
        Label summary = Widgets.label("", Styles.TEXT_BOLD);
        summary.setId("waterfallSummary");
        summary.textProperty().bind(model.summaryProperty());
        Label observed = Widgets.label("Times observed here (when this monitor received the events).",
                Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        observed.setTooltip(new Tooltip(MetricWidgets.OBSERVED_HERE));
        HBox legend = new HBox(12, legend("waterfall-wait", "caller waits"), legend("waterfall-tool", "tool"),
                legend("waterfall-speaking", "agent speaks"));
        VBox top = new VBox(4, summary, observed, legend);
        top.getStyleClass().add("waterfall");
        setTop(top);
        rows.getStyleClass().add("waterfall");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        Node empty = Widgets.emptyState("fth-bar-chart-2", "No answered turns yet",
                Bindings.createStringBinding(() -> "A bar appears for each time the agent answers the caller."));
        empty.visibleProperty().bind(Bindings.isEmpty(model.bars()));
        setCenter(new StackPane(scroll, empty));
        model.bars().addListener((ListChangeListener<WaterfallViewModel.Bar>) c -> rebuild());
        widthProperty().addListener(o -> rebuild());
        rebuild();
    }

    private static HBox legend(String style, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().add(style);
        swatch.setMinSize(12, 12);
        swatch.setMaxSize(12, 12);
        HBox item = new HBox(4, swatch, Widgets.label(text, Styles.TEXT_SMALL));
        item.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return item;
    }

    private void rebuild() {
        long longest = 1;
        for (WaterfallViewModel.Bar bar : model.bars()) {
            longest = Math.max(longest, bar.totalMs());
        }
        double usable = Math.max(120, getWidth() - LABEL_WIDTH - COST_WIDTH - 60);
        double pxPerMs = usable / longest;
        rows.getChildren().clear();
        for (WaterfallViewModel.Bar bar : model.bars()) {
            Label name = Widgets.label(bar.label(), "waterfall-label");
            name.setMinWidth(LABEL_WIDTH);
            HBox track = new HBox(segment("waterfall-wait", (bar.waitMs() - bar.toolMs()) * pxPerMs),
                    segment("waterfall-tool", bar.toolMs() * pxPerMs),
                    segment("waterfall-speaking", bar.speakingMs() * pxPerMs));
            track.setId("waterfallBar" + bar.turn());
            Label cost = Widgets.label(bar.cost() + (bar.interrupted() ? " ✂" : ""), "waterfall-label");
            cost.setMinWidth(COST_WIDTH);
            HBox row = new HBox(name, track, cost);
            row.getStyleClass().add("waterfall-row");
            Tooltip.install(row, new Tooltip(bar.describe()));
            rows.getChildren().add(row);
        }
    }

    private static Region segment(String style, double width) {
        Region r = new Region();
        r.getStyleClass().add(style);
        double w = Math.max(0, width);
        r.setMinSize(w, 14);
        r.setPrefSize(w, 14);
        r.setMaxSize(w, 14);
        return r;
    }
}
