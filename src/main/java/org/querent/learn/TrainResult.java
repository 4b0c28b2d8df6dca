package org.querent.learn;

/**
 * What {@link HeadTrainer#train} produced.
 *
 * @param head       the fitted head
 * @param iterations L-BFGS iterations taken (0 when the start point already met the tolerance)
 * @param loss       final value of the scaled objective: mean log-loss + ||W||^2 / (2 C n)
 * @param converged  whether the tolerance (or a vanishing decrease) was reached before the iteration cap
 * @param millis     wall-clock training time
 */
public record TrainResult(Head head, int iterations, double loss, boolean converged, long millis) {
}
