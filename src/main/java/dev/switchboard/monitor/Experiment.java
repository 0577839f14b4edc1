package dev.switchboard.monitor;

import dev.switchboard.history.ExperimentArm;
import dev.switchboard.history.ProfileVersion;
import java.util.List;
import java.util.Random;

/**
 * Which profile version the next incoming call gets. Equal weights: strict alternation in arrival order, starting
 * with the first arm (A, B, A, B, … or A, B, C, A, …). Unequal weights: a weighted choice from a seeded random
 * sequence, so the same seed gives the same assignment. Thread-safe; one instance per running experiment.
 */
public final class Experiment {

    private final long id;
    private final String name;
    private final List<ProfileVersion> arms;
    private final double[] weights;
    private final boolean equal;
    private final Random random;
    private int next;

    /**
     * @param id      the stored experiment's id (0 when it is not stored)
     * @param weights one positive weight per arm
     */
    public Experiment(long id, String name, List<ProfileVersion> arms, List<Double> weights, long seed) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("an experiment needs two or more profile versions, got " + arms.size());
        }
        if (weights.size() != arms.size()) {
            throw new IllegalArgumentException("one weight per arm: " + arms.size() + " arms, " + weights.size()
                    + " weights");
        }
        this.id = id;
        this.name = name;
        this.arms = List.copyOf(arms);
        this.weights = new double[weights.size()];
        for (int i = 0; i < weights.size(); i++) {
            // the same check as a stored arm's: positive and finite
            this.weights[i] = new ExperimentArm(arms.get(i).ref(), weights.get(i)).weight();
        }
        this.equal = weights.stream().distinct().count() == 1;
        this.random = new Random(seed);
    }

    /** Equal weights. */
    public static Experiment alternating(long id, String name, List<ProfileVersion> arms) {
        return new Experiment(id, name, arms, arms.stream().map(a -> 1.0).toList(), 0);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<ProfileVersion> arms() {
        return arms;
    }

    public List<ExperimentArm> storedArms() {
        return java.util.stream.IntStream.range(0, arms.size())
                .mapToObj(i -> new ExperimentArm(arms.get(i).ref(), weights[i])).toList();
    }

    public boolean alternates() {
        return equal;
    }

    /** The arm index the next call gets. */
    public synchronized int nextArm() {
        if (equal) {
            int arm = next;
            next = (next + 1) % arms.size();
            return arm;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
