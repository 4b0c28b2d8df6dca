package org.querent.query;

import java.util.List;

/**
 * "adaptive": each round, one of {@link #ARMS} is drawn by its {@link Exp3} weight and ranks the pool. The loop
 * that owns the strategy rewards the arm afterwards ({@link #reward}) from the change in log-likelihood on items
 * neither the old nor the new model was trained on (the next batch's uniformly random share), so the arms that make
 * the model better are drawn more often. Holds the bandit between rounds: use one instance per labelling run.
 *
 * <p>Experimental: only {@code simulate} offers it (it is not in {@link Strategies}), because on the shared sets it
 * did not beat margin alone (README, "Heads that learn from the pool").
 */
public final class AdaptiveStrategy implements QueryStrategy {

    public static final String NAME = "adaptive";
    /**
     * The strategies it chooses between: the two best single strategies in simulate. With random as a third arm (as
     * ALBL has it) the log-likelihood reward favoured random (drawn in 40% of rounds) and adaptive fell behind margin.
     */
    public static final List<String> ARMS = List.of(MarginStrategy.NAME, BadgeStrategy.NAME);
    /** Uniform exploration share of EXP3. */
    public static final double GAMMA = 0.2;
    /** Share of each batch drawn uniformly at random: the fresh items the next reward is measured on. */
    public static final double RANDOM_SHARE = 0.1;

    private Exp3 bandit;
    private int lastArm = -1;
    private double[] lastProbabilities;

    public AdaptiveStrategy() {
        this(Exp3.start(ARMS, GAMMA));
    }

    /** Continues from a stored bandit state. */
    public AdaptiveStrategy(Exp3 bandit) {
        this.bandit = bandit;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Draws an arm with the context's seed and lets it rank the pool. */
    @Override
    public Ranking select(QueryContext context, int size) {
        lastProbabilities = bandit.probabilities();
        lastArm = bandit.draw(context.seed() ^ 0x5DEECE66DL);
        return Strategies.byName(bandit.arms().get(lastArm)).select(context, size);
    }

    /** Badge uses no labelled items; none of the arms needs a committee. */
    @Override
    public boolean needsLabelled() {
        return false;
    }

    /** Rewards the arm drawn by the last {@link #select}; a no-op before the first. */
    public void reward(double reward) {
        if (lastArm >= 0) {
            bandit = bandit.update(lastArm, reward);
        }
    }

    /** The arm of the last {@link #select}, or null before it. */
    public String lastArm() {
        return lastArm < 0 ? null : bandit.arms().get(lastArm);
    }

    /** The drawing probabilities of the last {@link #select}, or null before it. */
    public double[] lastProbabilities() {
        return lastProbabilities == null ? null : lastProbabilities.clone();
    }

    public Exp3 bandit() {
        return bandit;
    }
}
