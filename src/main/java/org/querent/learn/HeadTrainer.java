package org.querent.learn;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;

/**
 * Fits a {@link Head} to labelled embeddings with preconditioned L-BFGS ({@link BlockPreconditioner}), optionally
 * starting from a previous head.
 *
 * <p>Converged, not merely stopped: the stopping rule bounds the distance to the optimum
 * ({@link TrainSettings#tolerance}), so every version is the same head a cold fit to a tight tolerance gives on the
 * same labels, to within 1e-3 in every probability (ConvergedHeadTest). Version 1 stopped on an absolute gradient of
 * the objective divided by C n, which let the fit lag further behind the labels the more there were.
 *
 * <p>Warm start: in the labelling loop each round adds a few labels, so the previous optimum is close to the new
 * one and the optimiser needs fewer iterations from there. The objective is strictly convex in W, so the start
 * point changes the cost, not (beyond the tolerance) the result. A previous head is used when it has the same
 * kind (softmax/sigmoid), the same dimension and no more classes than the data; classes added since are started
 * at zero. Anything else is a cold start from zero.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeadTrainer {

    /** Name and version recorded in provenance; bump the version when results would change. */
    public static final String NAME = "querent-lbfgs-logistic";
    public static final int VERSION = 2;

    /** Trains without a cancellation flag. */
    public TrainResult train(TrainingData data, Head warmStart, TrainSettings settings) {
        return train(data, warmStart, settings, Cancellation.none());
    }

    /**
     * @param data         labelled embeddings, at least one
     * @param warmStart    a previous head to start from, or null
     * @param settings     objective and stopping rule
     * @param cancellation checked once per iteration
     * @throws QuerentException USAGE if there is nothing to train on, CANCELLED if cancelled
     */
    public TrainResult train(TrainingData data, Head warmStart, TrainSettings settings, Cancellation cancellation) {
        return train(data, warmStart, settings, true, cancellation);
    }

    /** With or without the preconditioner (HeadBenchmark compares the two). */
    TrainResult train(TrainingData data, Head warmStart, TrainSettings settings, boolean precondition,
                      Cancellation cancellation) {
        long started = System.nanoTime();
        if (data.size() == 0) {
            throw QuerentException.usage("no labelled items to train on: label at least one item first");
        }
        if (data.dimension() == 0) {
            throw QuerentException.usage("embeddings are empty (dimension 0)");
        }
        LogisticObjective objective = new LogisticObjective(data, settings.c(), settings.balanced());
        double[] start = startingPoint(data, canWarmStart(warmStart, data) ? warmStart : null);
        double curvature = 1.0 / (settings.c() * objective.weightSum());
        BlockPreconditioner preconditioner = precondition ? BlockPreconditioner.of(objective.rows(), data.classes(),
                objective.typicalCurvature(), curvature) : null;
        // ||theta - theta*|| <= ||gradient|| / curvature (the penalty makes the objective that strongly convex), so
        // this gradient bound keeps every fit within settings.tolerance() of the optimum, whatever C and n are.
        Lbfgs.Outcome outcome = Lbfgs.minimize(objective, start, settings.maxIterations(),
                settings.tolerance() * curvature, preconditioner, cancellation);
        Head head = toHead(outcome.point(), data.classes(), data.dimension(), data.multiLabel());
        long millis = (System.nanoTime() - started) / 1_000_000L;
        return new TrainResult(head, outcome.iterations(), outcome.value(), outcome.converged(), millis);
    }

    /** Whether {@code head} is a usable start for training on {@code data} (see the class comment). */
    public static boolean canWarmStart(Head head, TrainingData data) {
        return head != null
                && head.multiLabel() == data.multiLabel()
                && head.dimension() == data.dimension()
                && head.classes() <= data.classes();
    }

    private static double[] startingPoint(TrainingData data, Head warmStart) {
        int k = data.classes();
        int d = data.dimension();
        double[] theta = new double[k * d + k];
        if (warmStart != null) {
            float[][] w = warmStart.weights();
            double[] b = warmStart.bias();
            for (int c = 0; c < w.length; c++) {
                for (int j = 0; j < d; j++) {
                    theta[c * d + j] = w[c][j];
                }
                theta[k * d + c] = b[c];
            }
        }
        return theta;
    }

    static Head toHead(double[] theta, int k, int d, boolean multiLabel) {
        float[][] w = new float[k][d];
        double[] b = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                w[c][j] = (float) theta[c * d + j];
            }
            b[c] = theta[k * d + c];
        }
        return Head.of(multiLabel, w, b);
    }
}
