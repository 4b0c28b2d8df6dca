package org.querent.learn;

import org.querent.common.Cancellation;

/**
 * Limited-memory BFGS (Nocedal and Wright, "Numerical Optimization", 2nd ed., algorithms 7.4 and 7.5) with a
 * backtracking Armijo line search. Enough for the smooth convex objectives here: on a convex function every step
 * gives {@code s.y >= 0}, so the curvature pairs stay usable without a full Wolfe search; pairs with no curvature
 * are skipped.
 */
final class Lbfgs {

    /** Curvature pairs kept; 10 is the usual choice (scipy uses 10). */
    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 40;
    /**
     * Stop when an iteration lowers f by less than this relative amount: no progress left at double precision. (scipy's
     * factr=1e7 gives 2.2e-9, which stopped the heads' fits well short of the optimum as labels grew.)
     */
    private static final double RELATIVE_DECREASE = 1e-16;

    record Outcome(double[] point, double value, int iterations, boolean converged) {
    }

    private Lbfgs() {
    }

    static Outcome minimize(DifferentiableFunction f, double[] start, int maxIterations, double tolerance,
                            Cancellation cancellation) {
        return minimize(f, start, maxIterations, tolerance, null, cancellation);
    }

    /**
     * @param preconditioner {@code M^-1} as the initial inverse Hessian, scaled each iteration by
     *                       {@code s.y / y.M^-1 y} (preconditioned L-BFGS), or null for the usual scaled identity
     */
    static Outcome minimize(DifferentiableFunction f, double[] start, int maxIterations, double tolerance,
                            BlockPreconditioner preconditioner, Cancellation cancellation) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] direction = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] scratch = preconditioner == null ? null : new double[n];

        int iterations = 0;
        boolean converged = norm(g) <= tolerance;
        while (!converged && iterations < maxIterations) {
            cancellation.throwIfCancelled();
            // Two-loop recursion: direction = -H g.
            System.arraycopy(g, 0, direction, 0, n);
            for (int m = 0; m < stored; m++) {
                int slot = Math.floorMod(newest - m, MEMORY);
                alpha[slot] = rho[slot] * dot(s[slot], direction);
                axpy(direction, -alpha[slot], y[slot]);
            }
            if (preconditioner == null) {
                double gamma = stored > 0
                        ? dot(s[newest], y[newest]) / dot(y[newest], y[newest])
                        : 1.0 / Math.max(1.0, Math.sqrt(dot(g, g))); // first step: unit length, as scipy does
                scale(direction, gamma);
            } else {
                preconditioner.apply(direction);
                if (stored > 0) {
                    System.arraycopy(y[newest], 0, scratch, 0, n);
                    preconditioner.apply(scratch);
                    scale(direction, dot(s[newest], y[newest]) / dot(y[newest], scratch));
                }
            }
            for (int m = stored - 1; m >= 0; m--) {
                int slot = Math.floorMod(newest - m, MEMORY);
                double beta = rho[slot] * dot(y[slot], direction);
                axpy(direction, alpha[slot] - beta, s[slot]);
            }
            scale(direction, -1);
            double slope = dot(g, direction);
            if (!(slope < 0)) {
                // Not a descent direction (numerical trouble): forget the memory and go downhill.
                stored = 0;
                for (int p = 0; p < n; p++) {
                    direction[p] = -g[p] / Math.max(1.0, Math.sqrt(dot(g, g)));
                }
                slope = dot(g, direction);
            }

            double step = 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                for (int p = 0; p < n; p++) {
                    xNew[p] = x[p] + step * direction[p];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (fNew <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                // Minimum of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of the step.
                double quadratic = -slope * step * step / (2 * (fNew - fx - slope * step));
                step = Double.isFinite(quadratic) ? Math.min(0.5 * step, Math.max(0.1 * step, quadratic)) : 0.5 * step;
            }
            if (!accepted) {
                break; // no decrease possible along the direction: at the optimum to working precision, or stuck
            }

            int slot = (newest + 1) % MEMORY;
            double sy = 0;
            double yy = 0;
            for (int p = 0; p < n; p++) {
                s[slot][p] = xNew[p] - x[p];
                y[slot][p] = gNew[p] - g[p];
                sy += s[slot][p] * y[slot][p];
                yy += y[slot][p] * y[slot][p];
            }
            if (sy > 1e-12 * yy && yy > 0) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, MEMORY);
            }

            double decrease = (fx - fNew) / Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1.0);
            double[] swap = x;
            x = xNew;
            xNew = swap;
            swap = g;
            g = gNew;
            gNew = swap;
            fx = fNew;
            iterations++;
            converged = norm(g) <= tolerance || decrease <= RELATIVE_DECREASE;
        }
        return new Outcome(x, fx, iterations, converged);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int p = 0; p < a.length; p++) {
            sum += a[p] * b[p];
        }
        return sum;
    }

    private static void axpy(double[] target, double factor, double[] v) {
        for (int p = 0; p < target.length; p++) {
            target[p] += factor * v[p];
        }
    }

    private static void scale(double[] v, double factor) {
        for (int p = 0; p < v.length; p++) {
            v[p] *= factor;
        }
    }

    /** Euclidean norm: the stopping rule bounds the distance to the optimum by it (strong convexity). */
    static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
