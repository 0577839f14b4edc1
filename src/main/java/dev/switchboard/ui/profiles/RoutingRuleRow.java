package dev.switchboard.ui.profiles;

import dev.switchboard.history.RoutingRule;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable routing rule; {@code id} 0 for a rule not saved yet. */
public final class RoutingRuleRow {
    private final long id;
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);

    public RoutingRuleRow(long id, String prefix, String profile, boolean enabled) {
        this.id = id;
        this.prefix.set(prefix);
        this.profile.set(profile);
        this.enabled.set(enabled);
    }

    RoutingRuleRow(RoutingRule rule) {
        this(rule.id(), rule.numberPrefix(), rule.profileName(), rule.enabled());
    }

    RoutingRule toRule(int position) {
        return new RoutingRule(id, position, prefix.get(), profile.get(), enabled.get());
    }

    public long id() {
        return id;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }
}
