package org.querent.learn;

/**
 * A fixed approximation {@code M} of the logistic objective's Hessian for preconditioned L-BFGS: per class, the
 * block {@code alpha * E[x~ x~^T] + diag(1/(C S), ..., 1/(C S), 0)} with {@code x~ = (x, 1)}, i.e. the data term's
 * curvature at a typical probability ({@code alpha = p (1 - p)}) times the inputs' second moment, plus the L2
 * penalty. Sentence embeddings share a strong common direction and most of their variance in a few more, so the
 * Hessian's condition number runs to 1e5 at C = 100 and thousands of labels; plain L-BFGS then takes hundreds of
 * iterations to a tight tolerance. With {@code M^-1} as its initial inverse Hessian it takes tens. The objective and
 * its minimiser are unchanged: only the path is.
 *
 * <p>The second moment is taken over at most {@value #MAX_ROWS} evenly spaced rows (it only shapes the steps), then
 * factorised once by Cholesky; applying {@code M^-1} costs two triangular solves per class.
 */
final class BlockPreconditioner {

    static final int MAX_ROWS = 1024;

    private final int k;
    private final int d;
    /** Lower Cholesky factor of the (d+1) x (d+1) block, row-major. */
    private final double[][] lower;
    private final double[] work;

    private BlockPreconditioner(int k, int d, double[][] lower) {
        this.k = k;
        this.d = d;
        this.lower = lower;
        this.work = new double[d + 1];
    }

    /**
     * @param x     the training rows
     * @param k     classes
     * @param alpha curvature of the data term at a typical probability
     * @param ridge the penalty's curvature {@code 1/(C S)} on the weights (not the bias)
     */
    static BlockPreconditioner of(double[][] x, int k, double alpha, double ridge) {
        int n = x.length;
        int d = x[0].length;
        int m = d + 1;
        int rows = Math.min(n, MAX_ROWS);
        double[][] a = new double[m][m];
        double[] row = new double[m];
        for (int r = 0; r < rows; r++) {
            double[] xi = x[(int) ((long) r * n / rows)];
            System.arraycopy(xi, 0, row, 0, d);
            row[d] = 1;
            for (int p = 0; p < m; p++) {
                double v = row[p];
                double[] ap = a[p];
                for (int q = 0; q <= p; q++) {
                    ap[q] += v * row[q];
                }
            }
        }
        for (int p = 0; p < m; p++) {
            for (int q = 0; q <= p; q++) {
                a[p][q] *= alpha / rows;
            }
            // the ridge keeps the block positive definite; the bias gets a sliver of it for the same reason
            a[p][p] += p < d ? ridge : 1e-9 * (ridge + alpha);
        }
        return new BlockPreconditioner(k, d, cholesky(a));
    }

    /** {@code v <- M^-1 v} for a parameter vector laid out as {@code [W row-major | bias]}. */
    void apply(double[] v) {
        int m = d + 1;
        for (int c = 0; c < k; c++) {
            System.arraycopy(v, c * d, work, 0, d);
            work[d] = v[k * d + c];
            // L y = v, then L^T z = y
            for (int p = 0; p < m; p++) {
                double s = work[p];
                double[] lp = lower[p];
                for (int q = 0; q < p; q++) {
                    s -= lp[q] * work[q];
                }
                work[p] = s / lp[p];
            }
            for (int p = m - 1; p >= 0; p--) {
                double s = work[p];
                for (int q = p + 1; q < m; q++) {
                    s -= lower[q][p] * work[q];
                }
                work[p] = s / lower[p][p];
            }
            System.arraycopy(work, 0, v, c * d, d);
            v[k * d + c] = work[d];
        }
    }

    /** In place on the lower triangle; a non-positive pivot (rounding) is lifted to a small positive one. */
    private static double[][] cholesky(double[][] a) {
        int m = a.length;
        for (int j = 0; j < m; j++) {
            double[] aj = a[j];
            double s = aj[j];
            for (int q = 0; q < j; q++) {
                s -= aj[q] * aj[q];
            }
            aj[j] = Math.sqrt(Math.max(s, 1e-300));
            for (int i = j + 1; i < m; i++) {
                double[] ai = a[i];
                double t = ai[j];
                for (int q = 0; q < j; q++) {
                    t -= ai[q] * aj[q];
                }
                ai[j] = t / aj[j];
            }
        }
        return a;
    }
}
