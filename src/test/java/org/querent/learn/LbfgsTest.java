package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;

class LbfgsTest {

    /** Rosenbrock's banana, minimum 0 at (1, 1): a hard, non-convex test of the line search and memory. */
    @Test
    void minimisesRosenbrock() {
        DifferentiableFunction rosenbrock = new DifferentiableFunction() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                double a = 1 - p[0];
                double b = p[1] - p[0] * p[0];
                g[0] = -2 * a - 400 * p[0] * b;
                g[1] = 200 * b;
                return a * a + 100 * b * b;
            }
        };
        Lbfgs.Outcome outcome = Lbfgs.minimize(rosenbrock, new double[] {-1.2, 1}, 500, 1e-8, Cancellation.none());
        assertTrue(outcome.converged());
        assertEquals(1, outcome.point()[0], 1e-5);
        assertEquals(1, outcome.point()[1], 1e-5);
    }

    @Test
    void startAtTheOptimumTakesNoIteration() {
        DifferentiableFunction bowl = new DifferentiableFunction() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                g[0] = 2 * (p[0] - 3);
                return (p[0] - 3) * (p[0] - 3);
            }
        };
        Lbfgs.Outcome outcome = Lbfgs.minimize(bowl, new double[] {3}, 10, 1e-9, Cancellation.none());
        assertEquals(0, outcome.iterations());
        assertTrue(outcome.converged());
    }
}
