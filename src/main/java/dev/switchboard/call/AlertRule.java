package dev.switchboard.call;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A transcript rule: a regular expression, matched case-insensitively against each finished line. A plain word is
 * a valid expression, so a keyword rule is the same thing. Immutable.
 */
public final class AlertRule {

    private final String expression;
    private final Pattern pattern;

    private AlertRule(String expression, Pattern pattern) {
        this.expression = expression;
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with a one-line reason when the expression is empty or not valid */
    public static AlertRule of(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("an alert rule needs a word or a regular expression");
        }
        try {
            return new AlertRule(expression, Pattern.compile(expression, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + expression + " ("
                    + e.getDescription() + ")");
        }
    }

    public String expression() {
        return expression;
    }

    /** The text the expression matched in {@code line}, if it matched. */
    public Optional<String> match(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(line);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertRule other && other.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }

    @Override
    public String toString() {
        return "AlertRule[" + expression + "]";
    }
}
