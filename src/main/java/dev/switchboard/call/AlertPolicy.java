package dev.switchboard.call;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A profile's own alerts: transcript rules added to the global ones, and a cost cap that replaces the global cap
 * while set. Kept with each profile version; {@link #NONE} when the profile adds nothing. Immutable.
 *
 * @param rules      the profile's transcript rules, in the order written, without duplicates
 * @param costCapUsd the profile's cost cap (empty: the global {@code --cost-cap}, if any)
 */
public record AlertPolicy(List<AlertRule> rules, OptionalDouble costCapUsd) {

    /** Far above any real call; a larger cap is surely a typo. */
    public static final double MAX_COST_CAP_USD = 10_000;

    public static final AlertPolicy NONE = new AlertPolicy(List.of(), OptionalDouble.empty());

    public AlertPolicy {
        rules = List.copyOf(new LinkedHashSet<>(rules));
        costCapUsd = costCapUsd == null ? OptionalDouble.empty() : costCapUsd;
        if (costCapUsd.isPresent()) {
            checkCap(costCapUsd.getAsDouble());
        }
    }

    /** @throws IllegalArgumentException with a one-line reason for a bad expression or cap */
    public static AlertPolicy of(List<String> expressions, OptionalDouble costCapUsd) {
        return new AlertPolicy(expressions.stream().map(AlertRule::of).toList(), costCapUsd);
    }

    /**
     * The limits of a call accepted with this profile: the global rules, then the profile's; the profile's cap
     * when it has one, else the global cap.
     */
    public WatchdogLimits on(WatchdogLimits global) {
        WatchdogLimits limits = global.withRules(rules);
        return costCapUsd.isPresent() ? limits.withCostCap(costCapUsd) : limits;
    }

    public List<String> expressions() {
        return rules.stream().map(AlertRule::expression).toList();
    }

    public boolean isEmpty() {
        return rules.isEmpty() && costCapUsd.isEmpty();
    }

    /** "2 alert rules, cost cap $0.50", for notes and logs; empty when there is nothing. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!rules.isEmpty()) {
            parts.add(rules.size() + (rules.size() == 1 ? " alert rule" : " alert rules"));
        }
        costCapUsd.ifPresent(cap -> parts.add("cost cap " + dollars(cap)));
        return String.join(", ", parts);
    }

    // ---- reading what a person typed ----

    /**
     * One expression per line, as the profiles editor takes them; blank lines are skipped and surrounding spaces
     * kept out.
     *
     * @throws IllegalArgumentException naming the line, in plain words
     */
    public static List<AlertRule> parseRules(String text) {
        List<AlertRule> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.add(AlertRule.of(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Alert line " + (i + 1) + " is " + e.getMessage() + ".");
            }
        }
        return out;
    }

    /**
     * A cost cap in US dollars ("0.50" or "$0.50"); blank is no cap.
     *
     * @throws IllegalArgumentException in plain words
     */
    public static OptionalDouble parseCostCap(String text) {
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        double usd;
        try {
            usd = Double.parseDouble(text.strip().replaceFirst("^\\$", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The cost cap is an amount in US dollars, like 0.50, or blank for none.");
        }
        checkCap(usd);
        return OptionalDouble.of(usd);
    }

    /** How the editor shows a cap: "0.5" as "0.50", no trailing noise. */
    public static String formatCostCap(OptionalDouble capUsd) {
        if (capUsd.isEmpty()) {
            return "";
        }
        String plain = java.math.BigDecimal.valueOf(capUsd.getAsDouble()).stripTrailingZeros().toPlainString();
        return plain.contains(".") && plain.length() - plain.indexOf('.') > 2 ? plain
                : String.format(Locale.ROOT, "%.2f", capUsd.getAsDouble());
    }

    private static void checkCap(double usd) {
        if (Double.isNaN(usd) || !(usd > 0) || usd > MAX_COST_CAP_USD) {
            throw new IllegalArgumentException("The cost cap must be more than 0 and at most "
                    + (int) MAX_COST_CAP_USD + " USD.");
        }
    }

    private static String dollars(double usd) {
        return "$" + formatCostCap(OptionalDouble.of(usd));
    }
}
