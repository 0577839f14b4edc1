package dev.switchboard.config;

import dev.switchboard.call.AlertRule;
import dev.switchboard.call.WatchdogLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** {@code --cost-cap USD} and {@code --alert REGEX} (repeatable) as the global watchdog limits. */
public final class AlertFlags {

    static final double MAX_COST_CAP_USD = dev.switchboard.call.AlertPolicy.MAX_COST_CAP_USD;

    private AlertFlags() {
    }

    public static WatchdogLimits limits(CommandLine flags) throws ConfigException {
        WatchdogLimits limits = WatchdogLimits.DEFAULTS.withCostCap(costCap(flags.value("cost-cap")));
        List<AlertRule> rules = new ArrayList<>();
        for (String expression : flags.values("alert")) {
            try {
                rules.add(AlertRule.of(expression));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--alert: " + e.getMessage());
            }
        }
        return limits.withRules(rules);
    }

    static OptionalDouble costCap(String value) throws ConfigException {
        if (value == null) {
            return OptionalDouble.empty();
        }
        double usd;
        try {
            usd = Double.parseDouble(value.trim().replaceFirst("^\\$", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException("--cost-cap needs an amount in US dollars, like 0.50 (got \"" + value + "\")");
        }
        if (!(usd > 0) || usd > MAX_COST_CAP_USD || Double.isNaN(usd)) {
            throw new ConfigException("--cost-cap must be more than 0 and at most " + (int) MAX_COST_CAP_USD + " USD");
        }
        return OptionalDouble.of(usd);
    }
}
