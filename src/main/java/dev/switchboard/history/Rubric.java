package dev.switchboard.history;

import java.util.List;

/**
 * What a post-call analysis judges: the rubric items (each scored 1-5) and the outcome categories the model picks
 * one of. A profile may have its own; {@link #DEFAULT} is the global default.
 *
 * @param maskNumbers send phone numbers (the caller's, and any spoken) masked like presenter mode shows them
 */
public record Rubric(List<String> items, List<String> outcomes, boolean maskNumbers) {

    /** The global default: three items, the four usual outcomes, phone numbers masked before anything is sent. */
    public static final Rubric DEFAULT = new Rubric(
            List.of("Understood what the caller needed", "Solved it or routed it correctly", "Polite and concise"),
            List.of("resolved", "transferred", "abandoned", "other"), true);

    public Rubric {
        items = items.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        outcomes = outcomes.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one item");
        }
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a rubric needs at least one outcome category");
        }
    }
}
