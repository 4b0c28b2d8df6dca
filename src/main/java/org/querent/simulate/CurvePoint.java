package org.querent.simulate;

/** Test-split quality after one training of one simulated run. */
public record CurvePoint(String strategy, int seed, int labels, double accuracy, double macroF1) {
}
