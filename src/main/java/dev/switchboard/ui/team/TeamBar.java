package dev.switchboard.ui.team;

import dev.switchboard.ui.Widgets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** One row under the call's header on a team desk: who watches, who steers, take over / hand back. */
public final class TeamBar extends HBox {

    public TeamBar(TeamBarViewModel model) {
        super(12);
        setId("teamBar");
        getStyleClass().add("team-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label watching = Widgets.label("", "text-small");
        watching.setId("teamWatching");
        watching.textProperty().bind(model.watchingProperty());
        Label driving = Widgets.label("", "text-small");
        driving.setId("teamDriver");
        driving.textProperty().bind(model.drivingProperty());
        Label result = Widgets.label("", "text-muted", "text-small");
        result.setId("teamResult");
        result.textProperty().bind(model.resultProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button take = Widgets.button("Take over", "fth-user-check");
        take.setId("takeOverButton");
        take.disableProperty().bind(model.takeOverDisabledProperty());
        take.setOnAction(e -> model.takeOver());
        Button handBack = Widgets.button("Hand back", "fth-user-x");
        handBack.setId("handBackButton");
        handBack.disableProperty().bind(model.handBackDisabledProperty());
        handBack.setOnAction(e -> model.handBack());
        getChildren().addAll(watching, driving, result, spacer, take, handBack);
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(model.shownProperty());
    }
}
