package dev.switchboard.ui.profiles;

import dev.switchboard.call.AlertPolicy;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The profiles editor's alert fields: transcript rules (one regular expression per line, a plain word is one) and a
 * cost cap in US dollars (blank: the global {@code --cost-cap}). Checked on every keystroke; while a field is wrong,
 * {@link #problemsProperty()} says why in plain words and {@link #policyProperty()} is null, so nothing is saved.
 */
public final class ProfileAlertsDraft {

    private final StringProperty rules = new SimpleStringProperty(this, "rules", "");
    private final StringProperty costCap = new SimpleStringProperty(this, "costCap", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ReadOnlyObjectWrapper<AlertPolicy> policy = new ReadOnlyObjectWrapper<>(this, "policy",
            AlertPolicy.NONE);

    public ProfileAlertsDraft() {
        rules.addListener(o -> check());
        costCap.addListener(o -> check());
    }

    /** Puts a saved version's alerts in the fields. */
    public void load(AlertPolicy saved) {
        AlertPolicy p = saved == null ? AlertPolicy.NONE : saved;
        rules.set(String.join("\n", p.expressions()));
        costCap.set(AlertPolicy.formatCostCap(p.costCapUsd()));
        check();
    }

    private void check() {
        try {
            AlertPolicy next = new AlertPolicy(AlertPolicy.parseRules(rules.get()),
                    AlertPolicy.parseCostCap(costCap.get()));
            problems.set("");
            policy.set(next);
        } catch (IllegalArgumentException e) {
            problems.set(e.getMessage());
            policy.set(null);
        }
    }

    /** One regular expression per line. */
    public StringProperty rulesProperty() {
        return rules;
    }

    /** USD; blank for none. */
    public StringProperty costCapProperty() {
        return costCap;
    }

    /** Empty while both fields are valid. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems;
    }

    /** What the fields say, or null while one of them is wrong. */
    public ReadOnlyObjectProperty<AlertPolicy> policyProperty() {
        return policy;
    }

    public AlertPolicy policy() {
        return policy.get();
    }

    /** A version's alerts as lines under its instructions in the versions diff; empty when it has none. */
    static String diffLines(AlertPolicy alerts) {
        if (alerts.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        alerts.expressions().forEach(e -> lines.add("alert: " + e));
        alerts.costCapUsd().ifPresent(cap -> lines.add("cost cap: $" + AlertPolicy.formatCostCap(alerts.costCapUsd())));
        return String.join("\n", lines);
    }
}
