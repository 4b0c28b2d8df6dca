package org.querent.learn;

/** A smooth function to minimise: its value and gradient at a point. */
interface DifferentiableFunction {

    /** Number of parameters. */
    int dimension();

    /** Returns f(point) and writes its gradient into {@code gradient} (same length as point). */
    double valueAndGradient(double[] point, double[] gradient);
}
