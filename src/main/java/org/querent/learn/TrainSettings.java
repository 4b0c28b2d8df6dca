package org.querent.learn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.querent.common.QuerentException;

/**
 * How {@link HeadTrainer} fits a head.
 *
 * <p>The objective matches scikit-learn's {@code LogisticRegression}: {@code C * sum(loss_i) + 0.5 * ||W||^2}, bias
 * not penalised. We minimise it divided by {@code C * n} (same minimiser).
 *
 * @param c             inverse L2 strength, like scikit-learn's C; larger fits the labels more closely
 * @param maxIterations L-BFGS iteration cap
 * @param tolerance     how close to the optimum a fit must be: stop when the gradient's norm guarantees that the
 *                      parameters are within this Euclidean distance of the minimiser ({@code ||g|| C n <= tolerance},
 *                      by the strong convexity the penalty gives). Independent of C and n, unlike a bound on the
 *                      gradient itself, which lets the parameters drift further the larger {@code C n} is
 * @param seed          recorded in provenance and used for any random step (the optimiser itself is deterministic)
 * @param balanced      weight items inversely to their class frequency (scikit-learn's {@code class_weight="balanced"})
 */
public record TrainSettings(double c, int maxIterations, double tolerance, long seed, boolean balanced) {

    public static final double DEFAULT_C = 10.0;
    public static final int DEFAULT_MAX_ITERATIONS = 500;
    /**
     * Parameters within 1e-3 of the optimum: on unit-length embeddings a logit moves by at most about that much, so a
     * probability by well under 1e-3 (measured: 1e-5 or less at 30, 600 and 5,000 labels, ConvergedHeadTest).
     */
    public static final double DEFAULT_TOLERANCE = 1e-3;
    public static final long DEFAULT_SEED = 42L;

    public TrainSettings {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw QuerentException.usage("C must be a positive number: received c=" + c);
        }
        if (maxIterations < 0) {
            throw QuerentException.usage("maxIterations must not be negative: received " + maxIterations);
        }
        if (!(tolerance >= 0)) {
            throw QuerentException.usage("tolerance must not be negative: received " + tolerance);
        }
    }

    /** C=10, 500 iterations, tolerance 1e-3 (distance to the optimum), seed 42, unbalanced. */
    public static TrainSettings defaults() {
        return new TrainSettings(DEFAULT_C, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_SEED, false);
    }

    public TrainSettings withC(double newC) {
        return new TrainSettings(newC, maxIterations, tolerance, seed, balanced);
    }

    public TrainSettings withMaxIterations(int newMaxIterations) {
        return new TrainSettings(c, newMaxIterations, tolerance, seed, balanced);
    }

    public TrainSettings withTolerance(double newTolerance) {
        return new TrainSettings(c, maxIterations, newTolerance, seed, balanced);
    }

    public TrainSettings withSeed(long newSeed) {
        return new TrainSettings(c, maxIterations, tolerance, newSeed, balanced);
    }

    public TrainSettings withBalanced(boolean newBalanced) {
        return new TrainSettings(c, maxIterations, tolerance, seed, newBalanced);
    }

    /** For provenance; plain JSON-ready values. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("c", c);
        map.put("maxIterations", maxIterations);
        map.put("tolerance", tolerance);
        map.put("seed", seed);
        map.put("balanced", balanced);
        return map;
    }
}
