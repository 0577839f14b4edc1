package dev.switchboard.ui.main;

import dev.switchboard.config.ScreenPlacement;
import dev.switchboard.ui.Widgets;
import dev.switchboard.ui.audience.AudienceWindow;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.stage.WindowEvent;

/** View → the stage: open the audience window, pin it to the shown call, and whether the transcript animates. */
final class StageMenu {

    private final SwitchboardViewModel model;
    private final ScreenPlacement placement;
    private final BooleanProperty pinned = new SimpleBooleanProperty(this, "pinned");
    private AudienceWindow audience;

    StageMenu(SwitchboardViewModel model, ScreenPlacement placement) {
        this.model = model;
        this.placement = placement;
    }

    List<MenuItem> items() {
        MenuItem open = new MenuItem("Open audience window", Widgets.icon("fth-cast"));
        open.setId("openAudienceMenuItem");
        open.setOnAction(e -> openAudience());
        CheckMenuItem pin = new CheckMenuItem("Pin audience window to this call");
        pin.setId("pinAudienceMenuItem");
        pin.selectedProperty().bindBidirectional(pinned);
        CheckMenuItem animate = new CheckMenuItem("Animate new transcript lines");
        animate.setId("animateTranscriptMenuItem");
        animate.selectedProperty().bindBidirectional(model.animateTranscriptProperty());
        return List.of(open, pin, animate);
    }

    /** Opens the audience window, or brings the open one to the front. */
    AudienceWindow openAudience() {
        if (audience != null && audience.stage().isShowing()) {
            audience.stage().toFront();
            return audience;
        }
        audience = AudienceWindow.open(model.callList().selectedProperty(), model.dispatcher(), placement);
        audience.viewModel().pinnedProperty().bindBidirectional(pinned);
        audience.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            audience.viewModel().pinnedProperty().unbindBidirectional(pinned);
            pinned.set(false);
        });
        return audience;
    }

    /** The open audience window, or null. */
    AudienceWindow audience() {
        return audience != null && audience.stage().isShowing() ? audience : null;
    }

    void close() {
        if (audience != null) {
            audience.close();
        }
    }
}
