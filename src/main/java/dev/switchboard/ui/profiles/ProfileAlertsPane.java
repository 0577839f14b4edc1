package dev.switchboard.ui.profiles;

import dev.switchboard.ui.Widgets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The profile's own alerts in the editor: transcript rules, one per line, and a cost cap; a wrong field says why. */
final class ProfileAlertsPane extends VBox {

    ProfileAlertsPane(ProfileAlertsDraft alerts) {
        super(4);
        TextArea rules = new TextArea();
        rules.setId("profileAlertRules");
        rules.getStyleClass().add("monospace");
        rules.setPrefRowCount(2);
        rules.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the instructions above give way first
        rules.setPromptText("One per line, e.g. refund or cancel (my|the) contract");
        rules.setTooltip(new Tooltip("Regular expressions, matched without regard to case on every finished line; "
                + "a plain word is one. Added to the global --alert rules for calls accepted with this profile."));
        rules.textProperty().bindBidirectional(alerts.rulesProperty());

        TextField cap = new TextField();
        cap.setId("profileCostCap");
        cap.setPromptText("Blank: none");
        cap.setTooltip(new Tooltip("Once a call passes it, the agent is asked to wrap up politely, then the call is "
                + "hung up after that answer or 15 s. Replaces the global --cost-cap for this profile's calls."));
        cap.textProperty().bindBidirectional(alerts.costCapProperty());

        Label problem = Widgets.label("", "problem-text");
        problem.setId("profileAlertProblems");
        problem.setGraphic(Widgets.icon("fth-alert-circle"));
        problem.setWrapText(true);
        problem.textProperty().bind(alerts.problemsProperty());
        problem.visibleProperty().bind(alerts.problemsProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        getChildren().addAll(Widgets.fieldRow(Widgets.field("Alert rules (one per line)", rules),
                Widgets.field("Cost cap (USD)", cap), 3, 1), problem);
        setId("profileAlerts");
    }
}
